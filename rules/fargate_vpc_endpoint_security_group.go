package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// VPCEndpointSecurityGroupRule flags Interface endpoints whose security groups do not
// admit HTTPS, or not from the tasks and container instances that use them.
type VPCEndpointSecurityGroupRule struct{ meta }

// NewVPCEndpointSecurityGroupRule returns the rule.
func NewVPCEndpointSecurityGroupRule() *VPCEndpointSecurityGroupRule {
	return &VPCEndpointSecurityGroupRule{meta{name: "fargate_vpc_endpoint_security_group", severity: tflint.ERROR, recommended: true}}
}

// httpsPort is the port AWS service endpoints listen on.
const httpsPort = 443

// Check runs the rule.
func (r *VPCEndpointSecurityGroupRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		var callers []*model.Caller
		read := false
		for _, ep := range m.Endpoints {
			if ep.Type != model.EndpointInterface {
				continue
			}
			if !ep.PrivateDNSKnown || !ep.PrivateDNS {
				// Without private DNS only clients told its name use the endpoint: a
				// group that admits nobody breaks no call the configuration makes.
				continue
			}
			attr := ep.Attr("security_group_ids")
			associated, ok := m.HasAssociation(ep, model.TypeEndpointSecurityGroupAssociation)
			if !ok || associated {
				continue
			}
			if emptyList(m, attr) {
				e.emit(subject(ep.Resource, "Interface endpoint")+" has no security_group_ids, so it gets the VPC's default security group, which only admits its own members: tasks cannot connect. Add a security group that admits TCP 443 from the tasks", m.Config.MissingAt(ep.Resource, "security_group_ids"))
				continue
			}
			ifc := m.GroupsOf(attr)
			admits, known := m.InterfaceAllowsTCP(ifc, false, httpsPort, httpsPort)
			switch {
			case known && !admits:
				e.emit("none of this endpoint's security groups admits TCP 443, the port AWS service endpoints listen on, so tasks cannot connect: add an ingress rule for TCP 443 from the tasks' subnets or security group", attr.Expr.Range())
			case known && admits:
				if !read {
					callers, read = m.Callers(), true
				}
				checkEndpointCallers(m, e, ep, ifc.Groups, attr, callers)
			}
		}
	})
}

// checkEndpointCallers flags an endpoint whose security groups admit HTTPS, but not from
// the tasks or container instances that call its service through it.
func checkEndpointCallers(m *model.Model, e *emitter, ep *model.Endpoint, groups []*config.Resource, attr *hclext.Attribute, callers []*model.Caller) {
	if ep.VPC == "" || ep.Service == "" {
		return
	}
	for _, c := range callers {
		why, needed := c.Needs[ep.Service]
		if !needed {
			continue
		}
		if vpc, ok := m.CallerVPC(c); !ok || vpc != ep.VPC {
			continue
		}
		if admits, known := m.AdmitsCaller(groups, httpsPort, c); !known || admits {
			continue
		}
		from := "a CIDR that covers their subnets"
		if len(c.SecurityGroups) > 0 {
			from = "security group " + c.SecurityGroups[0].Label() + ", or " + from
		}
		e.emitf(attr.Expr.Range(), "this endpoint's security groups admit TCP 443, but not from %s, whose calls to %s (%s) go through this endpoint and time out. Add an ingress rule for TCP 443 from %s", c.Label, ep.Service, why, from)
	}
}
