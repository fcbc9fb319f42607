package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ServiceIAMRoleRule flags iam_role on services of awsvpc tasks.
type ServiceIAMRoleRule struct{ meta }

// NewServiceIAMRoleRule returns the rule.
func NewServiceIAMRoleRule() *ServiceIAMRoleRule {
	return &ServiceIAMRoleRule{meta{name: "fargate_service_iam_role", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *ServiceIAMRoleRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, svc := range m.Services {
			attr := svc.Attr("iam_role")
			if !m.Config.Present(attr) || svc.NetworkMode() != model.ModeAWSVPC {
				continue
			}
			if m.NetworkModeFrom(svc, m.Config.VariablesBehind(svc.Resource, "iam_role")) {
				// The module sets iam_role from the variable that gives the task
				// definition another network mode, which fargate_task_network_mode
				// reports: fixing that mode clears the role too.
				continue
			}
			e.emit("iam_role cannot be set on a service of awsvpc tasks: ECS registers them in load balancers with its service-linked role (AWS: \"You cannot specify an IAM role for services that require a service linked role.\"): remove iam_role", attr.Expr.Range())
		}
	})
}
