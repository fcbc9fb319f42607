package rules

import (
	"slices"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ServiceSecurityGroupEgressRule flags Fargate tasks whose security groups, taken
// together, have no egress rule.
type ServiceSecurityGroupEgressRule struct{ meta }

// NewServiceSecurityGroupEgressRule returns the rule.
func NewServiceSecurityGroupEgressRule() *ServiceSecurityGroupEgressRule {
	return &ServiceSecurityGroupEgressRule{meta{name: "fargate_service_security_group_egress", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *ServiceSecurityGroupEgressRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Config, e *emitter) {
		// One finding per set of groups, naming every service that uses it.
		type finding struct {
			groups   []*model.Resource
			services []string
		}
		var order []string
		found := map[string]*finding{}
		for _, svc := range m.Services {
			// On EC2 the agent pulls images and ships logs through the instance's
			// interface, not the task's.
			if svc.LaunchType != model.LaunchFargate {
				continue
			}
			for _, nc := range svc.Blocks("network_configuration") {
				ifc := m.GroupsOf(nc.Body.Attributes["security_groups"])
				if rules, ok := m.InterfaceRules(ifc, true); !ok || len(rules) > 0 {
					continue
				}
				var addrs []string
				for _, g := range ifc.Groups {
					addrs = append(addrs, g.Address())
				}
				key := strings.Join(addrs, " ")
				f := found[key]
				if f == nil {
					f = &finding{groups: ifc.Groups}
					found[key] = f
					order = append(order, key)
				}
				if label := svc.Label(); !slices.Contains(f.services, label) {
					f.services = append(f.services, label)
				}
			}
		}
		for _, key := range order {
			f := found[key]
			var names []string
			for _, g := range f.groups {
				names = append(names, g.Label())
			}
			subject := "security group " + names[0] + " of service " + f.services[0] + "'s tasks has"
			if len(names) > 1 {
				subject = "security groups " + joinAnd(names) + " of service " + f.services[0] + "'s tasks have"
			}
			if len(f.services) > 1 {
				subject = strings.Replace(subject, "service "+f.services[0]+"'s tasks", "the tasks of services "+joinAnd(f.services), 1)
			}
			e.emitf(f.groups[0].Block.DefRange, "%s no egress rule, and Terraform removes the allow-all egress AWS gives new groups: the tasks cannot pull images, send logs or reach AWS APIs. Add an egress block (or an egress rule resource) for HTTPS", subject)
		}
	})
}
