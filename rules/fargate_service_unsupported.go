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
			if usesWindows(m, svc) {
				windowsServiceOnFargate(m, e, svc)
			}
		}
	})
}

// windowsServiceOnFargate reports what a Fargate service of Windows tasks uses that
// Fargate offers to Linux tasks only: the FARGATE_SPOT capacity provider and Service
// Connect.
func windowsServiceOnFargate(m *model.Model, e *emitter, svc *model.Service) {
	for _, cps := range svc.Blocks("capacity_provider_strategy") {
		attr := cps.Body.Attributes["capacity_provider"]
		if p, ok := m.Config.String(attr); ok && p == "FARGATE_SPOT" {
			e.emit("service "+svc.Label()+" runs Windows tasks, and FARGATE_SPOT runs Linux tasks only: use the FARGATE capacity provider", attr.Expr.Range())
		}
	}
	for _, sc := range svc.Blocks("service_connect_configuration") {
		attr := sc.Body.Attributes["enabled"]
		if on, ok := m.Config.Bool(attr); ok && on {
			e.emit("service "+svc.Label()+" runs Windows tasks, and Service Connect does not support Windows containers: turn it off (enabled = false) and use Cloud Map service discovery or a load balancer", attr.Expr.Range())
		}
	}
}
