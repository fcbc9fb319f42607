package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ServiceDefaultSecurityGroupRule flags awsvpc services that leave their tasks in the
// VPC's default security group.
type ServiceDefaultSecurityGroupRule struct{ meta }

// NewServiceDefaultSecurityGroupRule returns the rule.
func NewServiceDefaultSecurityGroupRule() *ServiceDefaultSecurityGroupRule {
	return &ServiceDefaultSecurityGroupRule{meta{name: "fargate_service_default_security_group", severity: tflint.WARNING}}
}

// Check runs the rule.
func (r *ServiceDefaultSecurityGroupRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		if m.DefaultGroupMayAdmit() {
			return
		}
		for _, svc := range m.Services {
			if svc.NetworkMode() != model.ModeAWSVPC || !m.TakesInbound(svc) {
				continue
			}
			for _, nc := range svc.Blocks("network_configuration") {
				groups := nc.Body.Attributes["security_groups"]
				if list, ok := m.Config.Strings(groups); groups != nil && (!ok || len(list) > 0) {
					continue
				}
				e.emit("network_configuration sets no security_groups, so the tasks get the VPC's default security group, which only admits traffic from its own members: a load balancer or other clients cannot reach them. Add a security group for the tasks", nc.DefRange)
			}
		}
	})
}
