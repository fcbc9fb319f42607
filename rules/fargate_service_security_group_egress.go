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
		// Private DNS sends every call in the VPC to a service with an Interface endpoint
		// to the endpoint's network interfaces, NAT or not: the tasks' egress must
		// reach them.
		// One finding per set of groups and endpoint.
		unreached := map[string]*groupFindings{}
		var endpointOrder []string
		for _, c := range m.Callers() {
			svc := c.Service
			if svc == nil || svc.LaunchType != model.LaunchFargate || len(svc.Blocks("network_configuration")) != 1 {
				continue
			}
			vpc, ok := m.CallerVPC(c)
			if !ok {
				continue
			}
			endpoints, _ := m.EndpointsIn(vpc)
			ifc := m.TaskGroups(svc.Blocks("network_configuration")[0])
			if rules, ok := m.InterfaceRules(ifc, true); !ok || len(rules) == 0 {
				continue // unknown, or no egress at all (reported above)
			}
			for _, ep := range endpoints {
				why, needed := c.Needs[ep.Service]
				if !needed || ep.Type != model.EndpointInterface || !ep.PrivateDNSKnown || !ep.PrivateDNS {
					continue
				}
				if reaches, known := m.EgressReachesEndpoint(ifc, ep, httpsPort); known && !reaches {
					if unreached[ep.Label()] == nil {
						unreached[ep.Label()] = &groupFindings{}
						endpointOrder = append(endpointOrder, ep.Label())
					}
					unreached[ep.Label()].add(ifc.Groups, svc.Label(), ep.Label()+"\x00"+ep.Service+"\x00"+why)
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
			// A group a called module creates, with egress rules from its caller's
			// argument, is fixed in that argument.
			if len(f.groups) == 1 {
				if at, ok := m.EgressRulesDecidedAt(f.groups[0]); ok {
					e.emitf(at, "%s no egress rule, and %s: the tasks cannot pull images, send logs or reach AWS APIs. Pass the module an egress rule for HTTPS here: it creates the group's rules from what its caller passes", f.subject("has", "have"), why)
					continue
				}
			}
			e.emitf(f.groups[0].Block.DefRange, "%s no egress rule, and %s: the tasks cannot pull images, send logs or reach AWS APIs. Add an egress block (or an egress rule resource) for HTTPS", f.subject("has", "have"), why)
		}
		for _, label := range endpointOrder {
			for _, f := range unreached[label].list {
				parts := strings.SplitN(f.detail, "\x00", 3)
				e.emitf(f.groups[0].Block.DefRange, "%s no HTTPS egress to Interface endpoint %s (its security groups or its subnets' addresses), and its private DNS sends the tasks' calls to %s (%s) there: they time out. Allow TCP 443 to the endpoint's security group or to the CIDR of its subnets",
					f.subject("allows", "allow"), parts[0], parts[1], parts[2])
			}
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
