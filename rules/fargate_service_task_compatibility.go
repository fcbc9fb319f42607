package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ServiceTaskCompatibilityRule flags a Fargate service whose awsvpc task definition sets
// no requires_compatibilities. (With another network mode AWS certainly rejects the
// service; fargate_service_launch_type reports that as an error.)
type ServiceTaskCompatibilityRule struct{ meta }

// NewServiceTaskCompatibilityRule returns the rule.
func NewServiceTaskCompatibilityRule() *ServiceTaskCompatibilityRule {
	return &ServiceTaskCompatibilityRule{meta{name: "fargate_service_task_compatibility", severity: tflint.WARNING, recommended: true}}
}

// Check runs the rule.
func (r *ServiceTaskCompatibilityRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, svc := range m.Services {
			if svc.LaunchType != model.LaunchFargate {
				continue
			}
			for _, td := range svc.TaskDefinitions {
				if td.NoCompatibilities() && td.NetworkMode == model.ModeAWSVPC {
					e.emitf(svc.Attr("task_definition").Expr.Range(), "this service runs on Fargate, but its task definition %s sets no requires_compatibilities, so AWS does not check it against Fargate's requirements when it is registered and may refuse the service (\"Task definition does not support launch_type FARGATE.\"): add requires_compatibilities = [\"FARGATE\"] to the task definition", td.Label())
					break
				}
			}
		}
	})
}
