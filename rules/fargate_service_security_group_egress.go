package rules

import (
	"slices"
	"strings"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

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
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		// One finding per set of groups and mistake, naming every service that uses it.
		none, private := &groupFindings{}, &groupFindings{}
		for _, svc := range m.Services {
			// On EC2 the agent pulls images and ships logs through the instance's
			// interface, not the task's.
			if svc.LaunchType != model.LaunchFargate {
				continue
			}
			for _, nc := range svc.Blocks("network_configuration") {
				ifc := m.TaskGroups(nc)
				rules, ok := m.InterfaceRules(ifc, true)
				if !ok {
					continue
				}
				if len(rules) == 0 {
					none.add(ifc.Groups, svc.Label(), "")
					continue
				}
				if container := pullsPrivateECR(svc); container != "" {
					if reaches, known := m.EgressReachesPublic(ifc, 443); known && !reaches {
						private.add(ifc.Groups, svc.Label(), container)
					}
				}
			}
		}
		for _, f := range none.list {
			why := "Terraform removes the allow-all egress AWS gives new groups"
			for _, g := range f.groups {
				if g.Type == model.TypeDefaultSecurityGroup {
					why = g.Label() + " is the VPC's default security group (the one tasks get when they name none), adopted by Terraform, which removes every rule the group had, its allow-all egress included"
					break
				}
			}
			e.emitf(f.groups[0].Block.DefRange, "%s no egress rule, and %s: the tasks cannot pull images, send logs or reach AWS APIs. Add an egress block (or an egress rule resource) for HTTPS", f.subject("has", "have"), why)
		}
		for _, f := range private.list {
			e.emitf(f.groups[0].Block.DefRange, "%s HTTPS egress only to private addresses, but container %s pulls a private ECR image, whose layers come from Amazon S3 at public addresses (through the S3 gateway endpoint or a NAT gateway): the pull fails. Allow TCP 443 to the S3 prefix list (prefix_list_id of the S3 gateway endpoint) or to 0.0.0.0/0",
				f.subject("allows", "allow"), f.detail)
		}
	})
}

// groupFindings gathers findings by set of security groups, in order of first sight.
type groupFindings struct {
	list  []*groupFinding
	byKey map[string]*groupFinding
}

// groupFinding is one set of groups with the services whose tasks use it; detail is what
// the first service's finding adds (a container's label).
type groupFinding struct {
	groups   []*config.Resource
	services []string
	detail   string
}

func (g *groupFindings) add(groups []*config.Resource, service, detail string) {
	var addrs []string
	for _, r := range groups {
		addrs = append(addrs, r.Address())
	}
	key := strings.Join(addrs, " ")
	if g.byKey == nil {
		g.byKey = map[string]*groupFinding{}
	}
	f := g.byKey[key]
	if f == nil {
		f = &groupFinding{groups: groups, detail: detail}
		g.byKey[key] = f
		g.list = append(g.list, f)
	}
	if !slices.Contains(f.services, service) {
		f.services = append(f.services, service)
	}
}

// subject starts the message: which groups of which services' tasks, with the verb in
// the singular or plural.
func (f *groupFinding) subject(one, many string) string {
	var names []string
	for _, g := range f.groups {
		names = append(names, g.Label())
	}
	whose := "service " + f.services[0] + "'s tasks"
	if len(f.services) > 1 {
		whose = "the tasks of services " + joinAnd(f.services)
	}
	if len(names) > 1 {
		return "security groups " + joinAnd(names) + " of " + whose + " " + many
	}
	return "security group " + names[0] + " of " + whose + " " + one
}

// pullsPrivateECR names a container of the service's task definitions that pulls a
// private ECR image, or returns "".
func pullsPrivateECR(svc *model.Service) string {
	for _, td := range svc.TaskDefinitions {
		if c := model.TaskNeeds(td).PrivateECR; c != "" {
			return c
		}
	}
	return ""
}
