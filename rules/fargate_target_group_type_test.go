package rules

import "testing"

func TestTargetGroupType(t *testing.T) {
	service := `
resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = aws_ecs_task_definition.app.arn
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 80
  }
}
`
	testRule(t, NewTargetGroupTypeRule(), []ruleCase{
		{name: "awsvpc with the default type", src: awsvpcTask + service + `
resource "aws_lb_target_group" "app" {
  name = "app"
` + tgBasics + `}`,
			want: []string{`17:1: target group aws_lb_target_group.app has no target_type, so it is "instance", but service aws_ecs_service.app runs awsvpc tasks`}},
		{name: "awsvpc with instance", src: awsvpcTask + service + `
resource "aws_lb_target_group" "app" {
  target_type = "instance"
` + tgBasics + `}`,
			want: []string{`18:17: target group aws_lb_target_group.app has target_type "instance", but service aws_ecs_service.app runs awsvpc tasks`}},
		{name: "bridge with ip", src: bridgeTask + service + `
resource "aws_lb_target_group" "app" {
  target_type = "ip"
` + tgBasics + `}`,
			want: []string{`17:17: target group aws_lb_target_group.app has target_type "ip", but service aws_ecs_service.app runs bridge tasks`}},
		{name: "silent: awsvpc with ip", src: awsvpcTask + service + `
resource "aws_lb_target_group" "app" {
  target_type = "ip"
` + tgBasics + `}`},
		{name: "silent: bridge with the default type", src: bridgeTask + service + `
resource "aws_lb_target_group" "app" {
  name = "app"
` + tgBasics + `}`},
		{name: "silent: target group from another module", src: awsvpcTask + `
resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = aws_ecs_task_definition.app.arn
  load_balancer {
    target_group_arn = module.alb.target_group_arn
    container_name   = "app"
    container_port   = 80
  }
}`},
		{name: "blue/green: the alternate target group defaults to instance", src: awsvpcTask + `
resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = aws_ecs_task_definition.app.arn
  load_balancer {
    target_group_arn = aws_lb_target_group.blue.arn
    container_name   = "app"
    container_port   = 80
    advanced_configuration {
      alternate_target_group_arn = aws_lb_target_group.green.arn
      production_listener_rule   = aws_lb_listener_rule.prod.arn
      role_arn                   = "arn:aws:iam::123456789012:role/ecs-lb"
    }
  }
}
resource "aws_lb_target_group" "blue" {
  target_type = "ip"
` + tgBasics + `}
resource "aws_lb_target_group" "green" {
  name = "green"
` + tgBasics + `}`, want: []string{`27:1: target group aws_lb_target_group.green has no target_type, so it is "instance", but service aws_ecs_service.app runs awsvpc tasks`}},
		{name: "silent: blue/green with two ip target groups", src: awsvpcTask + `
resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = aws_ecs_task_definition.app.arn
  load_balancer {
    target_group_arn = aws_lb_target_group.blue.arn
    container_name   = "app"
    container_port   = 80
    advanced_configuration {
      alternate_target_group_arn = aws_lb_target_group.green.arn
      production_listener_rule   = aws_lb_listener_rule.prod.arn
      role_arn                   = "arn:aws:iam::123456789012:role/ecs-lb"
    }
  }
}
resource "aws_lb_target_group" "blue" {
  target_type = "ip"
` + tgBasics + `}
resource "aws_lb_target_group" "green" {
  target_type = "ip"
` + tgBasics + `}`},
		{name: "ip target group without port, protocol and vpc_id", src: `
resource "aws_lb_target_group" "app" {
  target_type = "ip"
}`, want: []string{`2:1: this target group has target_type "ip" and no port, protocol, vpc_id, so it cannot be created (provider: "port should be set when target type is ip"`}},
		{name: "default instance target group without vpc_id", src: `
resource "aws_lb_target_group" "app" {
  port     = 80
  protocol = "HTTP"
}`, want: []string{`2:1: this target group has target_type "instance" and no vpc_id, so it cannot be created (provider: "vpc_id should be set when target type is instance"`}},
		{name: "silent: lambda target group", src: `
resource "aws_lb_target_group" "app" {
  target_type = "lambda"
}`},
		{name: "silent: unknown target type", src: `
resource "aws_lb_target_group" "app" {
  target_type = var.type
}`},
		{name: "silent: unknown port", src: `
resource "aws_lb_target_group" "app" {
  target_type = "ip"
  port        = var.port
  protocol    = "HTTP"
  vpc_id      = "vpc-1"
}`},
	})
}

// tgBasics are the arguments every non-lambda target group needs.
const tgBasics = "  port     = 80\n  protocol = \"HTTP\"\n  vpc_id   = \"vpc-1\"\n"
