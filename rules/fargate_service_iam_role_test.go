package rules

import "testing"

func TestServiceIAMRole(t *testing.T) {
	service := `
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  iam_role        = "arn:aws:iam::123456789012:role/ecs-service"
}`
	testRule(t, NewServiceIAMRoleRule(), []ruleCase{
		{name: "awsvpc service with iam_role", src: awsvpcTask + service,
			want: []string{`9:21: iam_role cannot be set on a service of awsvpc tasks`}},
		{name: "silent: bridge service", src: bridgeTask + service},
		{name: "silent: unresolved task definition", src: `
resource "aws_ecs_service" "app" {
  task_definition = var.td
  iam_role        = "arn:aws:iam::123456789012:role/ecs-service"
}`},
	})
}
