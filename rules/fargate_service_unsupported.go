package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ServiceUnsupportedRule flags service settings that Fargate does not support.
type ServiceUnsupportedRule struct{ meta }

// NewServiceUnsupportedRule returns the rule.
func NewServiceUnsupportedRule() *ServiceUnsupportedRule {
	return &ServiceUnsupportedRule{meta{name: "fargate_service_unsupported", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *ServiceUnsupportedRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, svc := range m.Services {
			if svc.LaunchType != model.LaunchFargate {
				continue
			}
			if s, ok := m.Config.String(svc.Attr("scheduling_strategy")); ok && s == "DAEMON" {
				e.emit("scheduling_strategy = \"DAEMON\" runs one task per container instance, and Fargate has no instances: use \"REPLICA\" with a desired_count", svc.Attr("scheduling_strategy").Expr.Range())
			}
			for _, b := range svc.Blocks("placement_constraints") {
				e.emit("Fargate services do not support placement_constraints (AWS: \"Placement constraints are not supported with FARGATE launch type.\"): remove the block; spread tasks with subnets in several Availability Zones", b.DefRange)
			}
			for _, b := range svc.Blocks("ordered_placement_strategy") {
				e.emit("Fargate services do not support ordered_placement_strategy: Fargate places tasks itself across the subnets' Availability Zones. Remove the block", b.DefRange)
			}
		}
	})
}
