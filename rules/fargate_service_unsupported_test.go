package rules

import "testing"

func TestServiceUnsupported(t *testing.T) {
	testRule(t, NewServiceUnsupportedRule(), []ruleCase{
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
