package rules

import "testing"

func TestTargetGroupAttached(t *testing.T) {
	tg := `
resource "aws_lb_target_group" "app" {
  target_type = "ip"
}
`
	service := func(dependsOn string) string {
		return `
resource "aws_ecs_service" "app" {
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 80
  }
` + dependsOn + `
}`
	}
	listener := `
resource "aws_lb_listener" "http" {
  default_action {
    type = "forward"
    forward {
      target_group {
        arn = aws_lb_target_group.app.arn
      }
    }
  }
}
`
	testRule(t, NewTargetGroupAttachedRule(), []ruleCase{
		{name: "no listener forwards to it", src: tg + service(""),
			want: []string{`8:24: no listener or listener rule forwards to target group aws_lb_target_group.app`}},
		{name: "service does not depend on the listener", src: tg + listener + service(""),
			want: []string{`17:1: this service does not depend on aws_lb_listener.http`}},
		{name: "depends_on names something else", src: tg + listener + service("  depends_on = [aws_iam_role.x]"),
			want: []string{`23:16: this service does not depend on aws_lb_listener.http`}},
		{name: "silent: depends on the listener", src: tg + listener + service("  depends_on = [aws_lb_listener.http]")},
		{name: "silent: the target group is an output (a caller may attach it)", src: tg + service("") + `
output "target_group_arn" {
  value = aws_lb_target_group.app.arn
}`},
		{name: "silent: the target group is part of an output", src: tg + service("") + `
output "app" {
  value = { target_group = aws_lb_target_group.app.arn, name = "app" }
}`},
		{name: "another resource is an output", src: tg + service("") + `
output "service" {
  value = aws_ecs_service.app.id
}`, want: []string{`8:24: no listener or listener rule forwards to target group aws_lb_target_group.app`}},
		{name: "silent: a listener forwards to an unresolved target", src: tg + service("") + `
resource "aws_lb_listener_rule" "x" {
  action {
    target_group_arn = var.tg
  }
}`},
		{name: "silent: ordered by a reference in advanced_configuration", src: tg + listener + `
resource "aws_lb_listener_rule" "prod" {
  listener_arn = aws_lb_listener.http.arn
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}
resource "aws_ecs_service" "app" {
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 80
    advanced_configuration {
      alternate_target_group_arn = aws_lb_target_group.app.arn
      production_listener_rule   = aws_lb_listener_rule.prod.arn
      role_arn                   = "arn:aws:iam::123456789012:role/x"
    }
  }
}`},
		{name: "silent: ordered through a local", src: tg + listener + `
locals {
  listener = aws_lb_listener.http.arn
}
resource "aws_ecs_service" "app" {
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 80
  }
  tags = { listener = local.listener }
}`},
		{name: "silent: ordered by a reference in a dynamic block with unknown for_each", src: tg + listener + `
resource "aws_ecs_service" "app" {
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 80
  }
  dynamic "service_registries" {
    for_each = var.registries
    content {
      registry_arn = aws_lb_listener.http.arn
    }
  }
}`},
		{name: "silent: ordered through a resource the model does not read", src: tg + listener + `
resource "time_sleep" "wait" {
  depends_on = [aws_lb_listener.http]
}
resource "aws_ecs_service" "app" {
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 80
  }
  depends_on = [time_sleep.wait]
}`},
		{name: "a reference to something unrelated does not order it", src: tg + listener + `
resource "aws_iam_role" "svc" {
  name = "x"
}
resource "aws_ecs_service" "app" {
  iam_role = aws_iam_role.svc.arn
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 80
  }
}`, want: []string{`20:1: this service does not depend on aws_lb_listener.http, which attaches target group aws_lb_target_group.app`}},
	})
}
