package rules

import "testing"

const awsvpcTask = `
resource "aws_ecs_task_definition" "app" {
  family       = "app"
  network_mode = "awsvpc"
}
`

const bridgeTask = `
resource "aws_ecs_task_definition" "app" {
  family = "app"
}
`

func TestServiceNetworkConfiguration(t *testing.T) {
	testRule(t, NewServiceNetworkConfigurationRule(), []ruleCase{
		{name: "awsvpc without network_configuration", src: awsvpcTask + `
resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = aws_ecs_task_definition.app.arn
}`,
			want: []string{`7:1: this service has no network_configuration, but its task definition uses awsvpc network mode`}},
		{name: "bridge with network_configuration", src: bridgeTask + `
resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = aws_ecs_task_definition.app.family
  network_configuration {
    subnets = ["subnet-1"]
  }
}`,
			want: []string{`9:3: network_configuration is only valid for awsvpc tasks, and this service's task definition uses bridge network mode`}},
		{name: "silent: awsvpc with network_configuration", src: awsvpcTask + `
resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = aws_ecs_task_definition.app.arn
  network_configuration {
    subnets = ["subnet-1"]
  }
}`},
		{name: "silent: the variable that leaves the block out gives the task its mode", src: `
variable "network_mode" {
  default = "none"
}
resource "aws_ecs_task_definition" "app" {
  network_mode = var.network_mode
}
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  dynamic "network_configuration" {
    for_each = var.network_mode == "awsvpc" ? [1] : []
    content {
      subnets = ["subnet-1"]
    }
  }
}`},
		{name: "another variable leaves the block out", src: `
variable "network_mode" {
  default = "none"
}
variable "attach" {
  default = false
}
resource "aws_ecs_task_definition" "app" {
  network_mode = var.network_mode
}
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  dynamic "network_configuration" {
    for_each = var.attach ? [1] : []
    content {
      subnets = ["subnet-1"]
    }
  }
}`, want: []string{`11:1: this service has no network_configuration, but it runs on Fargate`}},
		{name: "silent: unresolved task definition", src: `
resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = var.task_definition
}`},
		{name: "silent: task definition revision from a data source", src: awsvpcTask + `
resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = "${aws_ecs_task_definition.app.family}:${max(aws_ecs_task_definition.app.revision, data.aws_ecs_task_definition.app.revision)}"
}`},
	})
}
