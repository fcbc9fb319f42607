package rules

import (
	"fmt"
	"slices"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// VPCEndpointPrivateDNSRule flags Interface endpoints without private DNS that tasks or
// container instances without internet access need: they call the service by its public
// name, which then resolves to an address they cannot reach.
type VPCEndpointPrivateDNSRule struct{ meta }

// NewVPCEndpointPrivateDNSRule returns the rule.
func NewVPCEndpointPrivateDNSRule() *VPCEndpointPrivateDNSRule {
	return &VPCEndpointPrivateDNSRule{meta{name: "fargate_vpc_endpoint_private_dns", severity: tflint.ERROR, recommended: true}}
}

// privateDNSServices are reached by tasks and agents through their public names.
var privateDNSServices = []string{"ecr.dkr", "ecr.api", "logs", "secretsmanager", "ssm", "ecs", "ecs-agent", "ecs-telemetry"}

// privateDNSOff reports whether ep is an Interface endpoint of a service tasks and
// agents call by its public name, with private DNS certainly off.
func privateDNSOff(ep *model.Endpoint) bool {
	return ep.Type == model.EndpointInterface && slices.Contains(privateDNSServices, ep.Service) && ep.PrivateDNSKnown && !ep.PrivateDNS
}

// endpointBypassed reports whether the callers of ep's service do not need it to work:
// those that call the service all reach the internet, or, for the ECS agent's services,
// which Fargate tasks never call, no container instance without internet access calls it.
func endpointBypassed(m *model.Model, ep *model.Endpoint) bool {
	if slices.Contains(agentEndpointServices, ep.Service) {
		return !m.EndpointRequired(ep.VPC, ep.Service)
	}
	return m.EndpointBypassed(ep.VPC, ep.Service)
}

// agentEndpointServices are called by the ECS agent on container instances only.
var agentEndpointServices = []string{"ecs", "ecs-agent", "ecs-telemetry"}

// Check runs the rule.
func (r *VPCEndpointPrivateDNSRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, ep := range m.Endpoints {
			if !privateDNSOff(ep) {
				continue
			}
			// Callers with a NAT or internet gateway still reach the service by its
			// public address: fargate_vpc_endpoint_bypassed warns about that.
			if endpointBypassed(m, ep) {
				continue
			}
			attr := ep.Attr("private_dns_enabled")
			if attr == nil {
				e.emitWithFix(fmt.Sprintf("private_dns_enabled is not set, and the provider then sends false, so tasks resolve %s to its public address and bypass this endpoint: add private_dns_enabled = true", ep.Service),
					ep.Block.DefRange, insertAttribute(ep.Resource, "private_dns_enabled = true"))
				continue
			}
			fix, note := replaceValue(m, attr, "true")
			e.emitMaybeFix("private_dns_enabled is false, so tasks resolve "+ep.Service+" to its public address and bypass this endpoint: set private_dns_enabled = true"+note, attr.Expr.Range(), fix)
		}
	})
}
