package rules

import (
	"slices"
	"strings"

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
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, td := range m.TaskDefinitions {
			if td.InvalidNetworkMode != "" {
				invalidNetworkMode(e, td)
				continue
			}
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

// invalidNetworkMode reports a network_mode that is none of the four modes: one finding,
// which names the mode the task needs when the value is one in the wrong case.
func invalidNetworkMode(e *emitter, td *model.TaskDefinition) {
	got := td.InvalidNetworkMode
	rng := td.Attr("network_mode").Expr.Range()
	const refused = "the provider refuses any value but \"awsvpc\", \"bridge\", \"host\" or \"none\", written in lower case"
	if lower := strings.ToLower(got); slices.Contains(model.NetworkModes, lower) {
		e.emitf(rng, "network_mode is %q, but network modes are lower case (%s): set network_mode = %q", got, refused, lower)
		return
	}
	want := "awsvpc"
	if !td.IsFargate() {
		want = "awsvpc\" (or \"bridge\", \"host\", \"none\""
	}
	e.emitf(rng, "network_mode is %q, which is not a network mode (%s): set network_mode = \"%s\"", got, refused, want)
}
