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
			want: []string{`8:24: no listener or listener rule forwards to target group app`}},
		{name: "service does not depend on the listener", src: tg + listener + service(""),
			want: []string{`17:1: this service does not depend on aws_lb_listener.http`}},
		{name: "depends_on names something else", src: tg + listener + service("  depends_on = [aws_iam_role.x]"),
			want: []string{`23:16: this service does not depend on aws_lb_listener.http`}},
		{name: "silent: depends on the listener", src: tg + listener + service("  depends_on = [aws_lb_listener.http]")},
		{name: "silent: a listener forwards to an unresolved target", src: tg + service("") + `
resource "aws_lb_listener_rule" "x" {
  action {
    target_group_arn = var.tg
  }
}`},
	})
}
