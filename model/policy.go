package model

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

	"github.com/fargate-lint/tflint-ruleset-fargate/hcleval"
	"github.com/fargate-lint/tflint-ruleset-fargate/iampolicy"
)

// EndpointPolicy is what the model knows of a VPC endpoint's policy.
type EndpointPolicy struct {
	// Attr is the policy argument that sets it: the endpoint's own, or that of the
	// aws_vpc_endpoint_policy naming it. Nil when neither sets one.
	Attr *hclext.Attribute

	policy *iampolicy.Policy
	// full is true when the endpoint certainly has AWS's default policy, which allows
	// everything.
	full bool
}

// Decide says what the policy makes of req. A policy the model cannot read, or cannot
// tell is there, decides Unknown; the default policy allows everything.
func (p *EndpointPolicy) Decide(req iampolicy.Request) iampolicy.Decision {
	if p.full {
		return iampolicy.Allowed
	}
	return p.policy.Decide(req) // a nil policy decides Unknown
}

// EndpointPolicy reads the policy of endpoint e: its policy argument, else the policy of
// the aws_vpc_endpoint_policy that names it, from jsonencode(...), a JSON string or
// heredoc, or data.aws_iam_policy_document.x.json. Parts that are not known leave the
// statements they are in undecided.
func (m *Model) EndpointPolicy(e *Endpoint) *EndpointPolicy {
	idx := m.Config.Referrers(TypeVPCEndpointPolicy, "vpc_endpoint_id", TypeVPCEndpoint)
	others := idx.By[e.Address()]
	if attr := e.Attr("policy"); attr != nil && m.Config.Set(attr) {
		if len(others) > 0 || !idx.KnownFor(e.Address()) {
			// An aws_vpc_endpoint_policy may replace it: which one AWS ends with is
			// not the model's to guess.
			return &EndpointPolicy{Attr: attr}
		}
		return &EndpointPolicy{Attr: attr, policy: m.readPolicy(e.Resource, attr)}
	}
	switch {
	case len(others) == 1:
		attr := others[0].Attr("policy")
		if attr == nil || !m.Config.Set(attr) {
			// The resource without a policy restores the default, full access.
			return &EndpointPolicy{full: true}
		}
		return &EndpointPolicy{Attr: attr, policy: m.readPolicy(others[0], attr)}
	case len(others) > 1 || !idx.KnownFor(e.Address()):
		return &EndpointPolicy{}
	}
	return &EndpointPolicy{full: true}
}

// readPolicy reads a policy document argument of resource r; nil when it cannot be read
// (unknown, sensitive, or not a policy document).
func (m *Model) readPolicy(r *config.Resource, attr *hclext.Attribute) *iampolicy.Policy {
	expr := hcl.UnwrapExpression(attr.Expr)
	if call, ok := expr.(*hclsyntax.FunctionCallExpr); ok && call.Name == "jsonencode" && len(call.Args) == 1 && !call.ExpandFinal {
		// The document before it is encoded: a part that is not known leaves the rest
		// readable.
		v := m.Config.RawIn(r, call.Args[0])
		if hcleval.Sensitive(v) {
			return nil
		}
		p, ok := iampolicy.FromValue(v)
		if !ok {
			return nil
		}
		return p
	}
	text, ok := m.Config.String(attr)
	if !ok {
		return nil
	}
	p, err := iampolicy.Parse(text)
	if err != nil {
		return nil
	}
	return p
}
