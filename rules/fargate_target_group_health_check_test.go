package rules

import "testing"

func TestTargetGroupHealthCheck(t *testing.T) {
	bridge := func(mapping string) string {
		return `
resource "aws_ecs_task_definition" "app" {
  container_definitions = jsonencode([{ name = "web", portMappings = [` + mapping + `] }])
}
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "web"
    container_port   = 80
  }
}
`
	}
	tg := func(protocol, check string) string {
		return `resource "aws_lb_target_group" "app" {
  protocol = "` + protocol + `"
  health_check {
` + check + `
  }
}`
	}
	testRule(t, NewTargetGroupHealthCheckRule(), []ruleCase{
		{name: "fixed port with a dynamic host port", src: bridge(`{ containerPort = 80 }`) + tg("HTTP", `    port = "8080"`),
			want: []string{`16:12: health check port 8080 is fixed, but service aws_ecs_service.app's bridge tasks get a random host port`}},
		{name: "TCP target group checks HTTP", src: bridge(`{ containerPort = 80, hostPort = 80 }`) + tg("TCP", `    interval = 30`),
			want: []string{`15:3: target group aws_lb_target_group.app uses TCP, but its health_check sets no protocol`}},
		{name: "matcher and path on a TCP check", src: tg("TCP", "    protocol = \"TCP\"\n    matcher  = \"200\"\n    path     = \"/health\""),
			want: []string{`5:16: target group aws_lb_target_group.app checks health over TCP, which only opens a connection, so matcher and path cannot apply and the target group is refused (provider: "health_check.matcher is not supported for target_groups with TCP protocol")`}},
		{name: "path on a TCP check", src: tg("TCP", "    protocol = \"TCP\"\n    path     = \"/health\""),
			want: []string{`5:16: target group aws_lb_target_group.app checks health over TCP, which only opens a connection, so path cannot apply`}},
		{name: "silent: matcher on an HTTP check of a TCP target group", src: tg("TCP", "    protocol = \"HTTP\"\n    matcher  = \"200\"")},
		{name: "silent: unknown check protocol", src: tg("TCP", "    protocol = var.p\n    matcher  = \"200\"")},
		{name: "silent: traffic-port", src: bridge(`{ containerPort = 80 }`) + tg("HTTP", `    port = "traffic-port"`)},
		{name: "silent: static host port", src: bridge(`{ containerPort = 80, hostPort = 80 }`) + tg("HTTP", `    port = "80"`)},
		{name: "silent: TCP with a protocol", src: bridge(`{ containerPort = 80 }`) + tg("TCP", `    protocol = "TCP"`)},
	})
}
