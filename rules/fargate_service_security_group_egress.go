package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ServiceSecurityGroupEgressRule flags task security groups without any egress rule.
type ServiceSecurityGroupEgressRule struct{ meta }

// NewServiceSecurityGroupEgressRule returns the rule.
func NewServiceSecurityGroupEgressRule() *ServiceSecurityGroupEgressRule {
	return &ServiceSecurityGroupEgressRule{meta{name: "fargate_service_security_group_egress", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *ServiceSecurityGroupEgressRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, svc := range m.Services {
			// On EC2 the agent pulls images and ships logs through the instance's
			// interface, not the task's.
			if svc.LaunchType != model.LaunchFargate {
				continue
			}
			for _, nc := range svc.Blocks("network_configuration") {
				refs, _ := m.Config.ResolveEach(nc.Body.Attributes["security_groups"], model.TypeSecurityGroup)
				for _, rs := range refs {
					if rs == nil {
						continue
					}
					if rules, ok := m.SecurityGroupRules(rs[0], true); ok && len(rules) == 0 {
						e.emitf(rs[0].Block.DefRange, "security group %s of service %s's tasks has no egress rule, and Terraform removes the allow-all egress AWS gives new groups: the tasks cannot pull images, send logs or reach AWS APIs. Add an egress block (or an egress rule resource) for HTTPS", rs[0].Label(), svc.Label())
					}
				}
			}
		}
	})
}
