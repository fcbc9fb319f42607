package rules

import (
	"fmt"
	"slices"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// VPCEndpointPrivateDNSRule flags Interface endpoints that tasks reach by the service's
// public name, without private DNS.
type VPCEndpointPrivateDNSRule struct{ meta }

// NewVPCEndpointPrivateDNSRule returns the rule.
func NewVPCEndpointPrivateDNSRule() *VPCEndpointPrivateDNSRule {
	return &VPCEndpointPrivateDNSRule{meta{name: "fargate_vpc_endpoint_private_dns", severity: tflint.ERROR, recommended: true}}
}

// privateDNSServices are reached by tasks and agents through their public names.
var privateDNSServices = []string{"ecr.dkr", "ecr.api", "logs", "secretsmanager", "ssm", "ecs", "ecs-agent", "ecs-telemetry"}

// Check runs the rule.
func (r *VPCEndpointPrivateDNSRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, ep := range m.Endpoints {
			if ep.Type != model.EndpointInterface || !slices.Contains(privateDNSServices, ep.Service) || !ep.PrivateDNSKnown || ep.PrivateDNS {
				continue
			}
			attr := ep.Attr("private_dns_enabled")
			if attr == nil {
				e.emitWithFix(fmt.Sprintf("private_dns_enabled is not set, and the provider then sends false, so tasks resolve %s to its public address and bypass this endpoint: add private_dns_enabled = true", ep.Service),
					ep.Block.DefRange, insertAttribute(ep.Resource, "private_dns_enabled = true"))
				continue
			}
			e.emitWithFix("private_dns_enabled is false, so tasks resolve "+ep.Service+" to its public address and bypass this endpoint: set private_dns_enabled = true", attr.Expr.Range(),
				replaceWith(attr.Expr.Range(), "true"))
		}
	})
}
