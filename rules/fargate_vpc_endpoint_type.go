package rules

import (
	"fmt"
	"slices"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// VPCEndpointTypeRule flags endpoints of Interface-only services left at the Gateway
// default.
type VPCEndpointTypeRule struct{ meta }

// NewVPCEndpointTypeRule returns the rule.
func NewVPCEndpointTypeRule() *VPCEndpointTypeRule {
	return &VPCEndpointTypeRule{meta{name: "fargate_vpc_endpoint_type", severity: tflint.ERROR, recommended: true}}
}

// interfaceOnlyServices offer only Interface endpoints.
var interfaceOnlyServices = []string{"ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm", "ssmmessages",
	"kms", "sts", "ecs", "ecs-agent", "ecs-telemetry"}

// Check runs the rule.
func (r *VPCEndpointTypeRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, ep := range m.Endpoints {
			if !slices.Contains(interfaceOnlyServices, ep.Service) || ep.Type == "" || ep.Type == model.EndpointInterface {
				continue
			}
			attr := ep.Attr("vpc_endpoint_type")
			if attr == nil {
				e.emitWithFix(fmt.Sprintf("the %s service only offers Interface endpoints, and vpc_endpoint_type defaults to \"Gateway\": add vpc_endpoint_type = \"Interface\"", ep.Service),
					ep.Block.DefRange, insertAttribute(ep.Resource, `vpc_endpoint_type = "Interface"`))
				continue
			}
			fix, note := replaceValue(m, attr, `"Interface"`)
			e.emitMaybeFix("the "+ep.Service+" service only offers Interface endpoints: set vpc_endpoint_type = \"Interface\""+note, attr.Expr.Range(), fix)
		}
	})
}
