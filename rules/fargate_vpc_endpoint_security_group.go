package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// VPCEndpointSecurityGroupRule flags Interface endpoints whose security groups do not
// admit HTTPS.
type VPCEndpointSecurityGroupRule struct{ meta }

// NewVPCEndpointSecurityGroupRule returns the rule.
func NewVPCEndpointSecurityGroupRule() *VPCEndpointSecurityGroupRule {
	return &VPCEndpointSecurityGroupRule{meta{name: "fargate_vpc_endpoint_security_group", severity: tflint.ERROR, recommended: true}}
}

// httpsPort is the port AWS service endpoints listen on.
const httpsPort = 443

// Check runs the rule.
func (r *VPCEndpointSecurityGroupRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Config, e *emitter) {
		for _, ep := range m.Endpoints {
			if ep.Type != model.EndpointInterface {
				continue
			}
			attr := ep.Attr("security_group_ids")
			associated, ok := m.HasAssociation(ep, model.TypeEndpointSecurityGroupAssociation)
			if !ok || associated {
				continue
			}
			if emptyList(m, attr) {
				e.emit("this Interface endpoint has no security_group_ids, so it gets the VPC's default security group, which only admits its own members: tasks cannot connect. Add a security group that admits TCP 443 from the tasks", ep.Block.DefRange)
				continue
			}
			refs, isList := m.ResolveEach(attr, model.TypeSecurityGroup)
			if !isList || len(refs) == 0 {
				continue
			}
			if admits, known := anyAdmitsTCP(m, refs, httpsPort); known && !admits {
				e.emit("none of this endpoint's security groups admits TCP 443, the port AWS service endpoints listen on, so tasks cannot connect: add an ingress rule for TCP 443 from the tasks' subnets or security group", attr.Expr.Range())
			}
		}
	})
}

// anyAdmitsTCP reports whether any of the security groups admits TCP port; known is
// false when a group or one of its rules cannot be read.
func anyAdmitsTCP(m *model.Config, groups [][]*model.Resource, port int64) (admits, known bool) {
	for _, rs := range groups {
		if rs == nil {
			return false, false
		}
		rules, ok := m.SecurityGroupRules(rs[0], false)
		if !ok {
			return false, false
		}
		for _, rule := range rules {
			if !rule.Known {
				return false, false
			}
			if rule.AllowsTCP(port) {
				return true, true
			}
		}
	}
	return false, true
}
