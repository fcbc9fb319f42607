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
		{name: "silent: a role set from the variable that gives the Fargate task its bridge mode", src: `
variable "network_mode" {
  default = "bridge"
}
locals {
  needs_role = var.network_mode != "awsvpc"
}
resource "aws_ecs_task_definition" "app" {
  network_mode = var.network_mode
}
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  iam_role        = local.needs_role ? "arn:aws:iam::123456789012:role/ecs-service" : null
}`},
		{name: "a role written on a Fargate service whose task is bridge", src: bridgeTask + `
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  iam_role        = "arn:aws:iam::123456789012:role/ecs-service"
}`, want: []string{`9:21: iam_role cannot be set on a service of awsvpc tasks`}},
		{name: "silent: unresolved task definition", src: `
resource "aws_ecs_service" "app" {
  task_definition = var.td
  iam_role        = "arn:aws:iam::123456789012:role/ecs-service"
}`},
	})
}
