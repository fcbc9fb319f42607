package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// TaskRoleRule flags task definitions whose FireLens logging or EFS IAM authorization
// needs a task role that is not set.
type TaskRoleRule struct{ meta }

// NewTaskRoleRule returns the rule.
func NewTaskRoleRule() *TaskRoleRule {
	return &TaskRoleRule{meta{name: "fargate_task_role", severity: tflint.WARNING, recommended: true}}
}

// Check runs the rule.
func (r *TaskRoleRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, td := range m.TaskDefinitions {
			if m.Config.Set(td.Attr("task_role_arn")) {
				continue
			}
			if reason := taskRoleNeed(td); reason != "" {
				e.emit("task_role_arn is not set, but "+reason+": add task_role_arn with a role that grants it", m.Config.MissingAt(td.Resource, "task_role_arn"))
			}
		}
	})
}

// taskRoleNeed says why the task needs a task role, or returns "".
func taskRoleNeed(td *model.TaskDefinition) string {
	for _, c := range td.KnownContainers() {
		if driver, ok := c.Get("logConfiguration").Get("logDriver").Str(); ok && driver == "awsfirelens" {
			return "container " + c.Label + " logs through FireLens (awsfirelens), whose log router sends to AWS destinations with the task role"
		}
	}
	for _, efs := range td.EFSVolumes {
		if efs.IAM {
			return "volume \"" + efs.Volume + "\" uses EFS IAM authorization, which mounts with the task role's identity"
		}
	}
	return ""
}
