package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// TaskNetworkModeRule flags Fargate task definitions whose network mode is not awsvpc.
type TaskNetworkModeRule struct{ meta }

// NewTaskNetworkModeRule returns the rule.
func NewTaskNetworkModeRule() *TaskNetworkModeRule {
	return &TaskNetworkModeRule{meta{name: "fargate_task_network_mode", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *TaskNetworkModeRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Config, e *emitter) {
		for _, td := range m.TaskDefinitions {
			if !td.IsFargate() || td.NetworkMode == "" || td.NetworkMode == model.ModeAWSVPC {
				continue
			}
			attr := td.Attr("network_mode")
			if attr == nil {
				e.emitWithFix(`network_mode is not set, so ECS uses "bridge", but Fargate tasks require "awsvpc": add network_mode = "awsvpc"`, td.Block.DefRange,
					insertAttribute(td.Resource, `network_mode = "awsvpc"`))
				continue
			}
			fix, note := replaceValue(m, attr, `"awsvpc"`)
			e.emitMaybeFix(`network_mode is "`+td.NetworkMode+`", but Fargate tasks require "awsvpc": set network_mode = "awsvpc"`+note, attr.Expr.Range(), fix)
		}
	})
}
