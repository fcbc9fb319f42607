package rules

import "testing"

func TestServiceUnsupported(t *testing.T) {
	testRule(t, NewServiceUnsupportedRule(), []ruleCase{
		{name: "Windows tasks on Fargate Spot and with Service Connect", src: `
resource "aws_ecs_task_definition" "win" {
  requires_compatibilities = ["FARGATE"]
  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2022_CORE"
  }
}
resource "aws_ecs_service" "win" {
  task_definition = aws_ecs_task_definition.win.arn
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
  service_connect_configuration {
    enabled = true
  }
}`, want: []string{
			`11:25: service aws_ecs_service.win runs Windows tasks, and FARGATE_SPOT runs Linux tasks only`,
			`15:15: service aws_ecs_service.win runs Windows tasks, and Service Connect does not support Windows containers`,
		}},
		{name: "silent: Linux ARM64 tasks on Fargate Spot", src: `
resource "aws_ecs_task_definition" "arm" {
  requires_compatibilities = ["FARGATE"]
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }
}
resource "aws_ecs_service" "arm" {
  task_definition = aws_ecs_task_definition.arm.arn
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
}`},
		{name: "daemon and placement on Fargate", src: `
resource "aws_ecs_service" "app" {
  launch_type         = "FARGATE"
  scheduling_strategy = "DAEMON"
  placement_constraints {
    type = "distinctInstance"
  }
  ordered_placement_strategy {
    type  = "spread"
    field = "attribute:ecs.availability-zone"
  }
}`, want: []string{
			`4:25: scheduling_strategy = "DAEMON" runs one task per container instance`,
			`5:3: Fargate services do not support placement_constraints`,
			`8:3: Fargate services do not support ordered_placement_strategy`,
		}},
		{name: "silent on EC2", src: `
resource "aws_ecs_service" "app" {
  launch_type         = "EC2"
  scheduling_strategy = "DAEMON"
}`},
		{name: "silent: unknown launch type", src: `
resource "aws_ecs_service" "app" {
  launch_type         = var.launch_type
  scheduling_strategy = "DAEMON"
}`},
	})
}
