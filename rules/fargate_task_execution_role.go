package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// TaskExecutionRoleRule flags task definitions that need an execution role and have none.
type TaskExecutionRoleRule struct{ meta }

// NewTaskExecutionRoleRule returns the rule.
func NewTaskExecutionRoleRule() *TaskExecutionRoleRule {
	return &TaskExecutionRoleRule{meta{name: "fargate_task_execution_role", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *TaskExecutionRoleRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, td := range m.TaskDefinitions {
			if m.Config.Set(td.Attr("execution_role_arn")) {
				continue
			}
			if reason := executionRoleNeed(td); reason != "" {
				e.emit("execution_role_arn is not set, but "+reason+": add execution_role_arn with a role that ECS tasks (ecs-tasks.amazonaws.com) can assume", m.Config.MissingAt(td.Resource, "execution_role_arn"))
			}
		}
	})
}

// executionRoleNeed says why the task needs an execution role, or returns "".
func executionRoleNeed(td *model.TaskDefinition) string {
	for _, c := range td.KnownContainers() {
		if td.IsFargate() {
			if image, ok := c.Get("image").Str(); ok && model.IsPrivateECRImage(image) {
				return fmt.Sprintf("container %s pulls the private ECR image %s, and Fargate pulls it with the execution role (AWS: \"Fargate requires task definition to have execution role ARN to support ECR images.\")", c.Label, image)
			}
			if driver, ok := c.Get("logConfiguration").Get("logDriver").Str(); ok && driver == "awslogs" {
				return fmt.Sprintf("container %s logs with awslogs, and Fargate sends its logs with the execution role (AWS: \"Fargate requires task definition to have execution role ARN to support log driver awslogs.\")", c.Label)
			}
		}
		if nonEmpty(c.Get("secrets")) || nonEmpty(c.Get("logConfiguration").Get("secretOptions")) {
			return fmt.Sprintf("container %s uses secrets, which ECS fetches with the execution role (AWS: \"When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.\")", c.Label)
		}
		if c.Has("repositoryCredentials") {
			return fmt.Sprintf("container %s uses repositoryCredentials, which ECS reads from Secrets Manager with the execution role", c.Label)
		}
	}
	return ""
}
