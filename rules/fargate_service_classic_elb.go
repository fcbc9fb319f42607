package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ServiceClassicELBRule flags Classic Load Balancers on awsvpc or Fargate services.
type ServiceClassicELBRule struct{ meta }

// NewServiceClassicELBRule returns the rule.
func NewServiceClassicELBRule() *ServiceClassicELBRule {
	return &ServiceClassicELBRule{meta{name: "fargate_service_classic_elb", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *ServiceClassicELBRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, svc := range m.Services {
			if svc.NetworkMode() != model.ModeAWSVPC && svc.LaunchType != model.LaunchFargate {
				continue
			}
			for _, lb := range svc.Blocks("load_balancer") {
				if attr := lb.Body.Attributes["elb_name"]; m.Config.Present(attr) {
					e.emit("elb_name attaches a Classic Load Balancer, which cannot route to awsvpc or Fargate tasks: use an Application or Network Load Balancer target group (target_type = \"ip\") with target_group_arn", attr.Expr.Range())
				}
			}
		}
	})
}
