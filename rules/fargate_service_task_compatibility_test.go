package rules

import "testing"

func TestServiceTaskCompatibility(t *testing.T) {
	service := `
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
}`
	testRule(t, NewServiceTaskCompatibilityRule(), []ruleCase{
		{name: "awsvpc task without requires_compatibilities", src: awsvpcTask + service,
			want: []string{`8:21: this service runs on Fargate, but its task definition app sets no requires_compatibilities`}},
		{name: "through a capacity provider strategy", src: awsvpcTask + `
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
  }
}`, want: []string{`8:21: this service runs on Fargate`}},
		{name: "silent: bridge task (an error of fargate_service_launch_type)", src: bridgeTask + service},
		{name: "silent: requires FARGATE", src: `
resource "aws_ecs_task_definition" "app" {
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
}` + service},
		{name: "silent: EC2 service", src: awsvpcTask + `
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "EC2"
}`},
		{name: "silent: compatibilities not known", src: `
resource "aws_ecs_task_definition" "app" {
  network_mode             = "awsvpc"
  requires_compatibilities = var.compatibilities
}` + service},
	})
}
