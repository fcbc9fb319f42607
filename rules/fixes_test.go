package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// TestFixes checks what `tflint --fix` writes for each fixable finding.
func TestFixes(t *testing.T) {
	cases := []struct {
		name string
		rule tflint.Rule
		src  string
		want string // "" when the file must stay as it is
	}{
		{name: "network_mode set", rule: NewTaskNetworkModeRule(), src: `resource "aws_ecs_task_definition" "app" {
  requires_compatibilities = ["FARGATE"]
  network_mode             = "bridge"
}
`, want: `resource "aws_ecs_task_definition" "app" {
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
}
`},
		{name: "network_mode missing", rule: NewTaskNetworkModeRule(), src: `resource "aws_ecs_task_definition" "app" {
  requires_compatibilities = ["FARGATE"]
}
`, want: `resource "aws_ecs_task_definition" "app" {
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
}
`},
		{name: "target_type missing", rule: NewTargetGroupTypeRule(), src: awsvpcTask + `resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
  }
}
resource "aws_lb_target_group" "app" {
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-1"
}
`, want: awsvpcTask + `resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
  }
}
resource "aws_lb_target_group" "app" {
  target_type = "ip"
  port        = 80
  protocol    = "HTTP"
  vpc_id      = "vpc-1"
}
`},
		{name: "vpc_endpoint_type missing", rule: NewVPCEndpointTypeRule(), src: `resource "aws_vpc_endpoint" "logs" {
  service_name = "com.amazonaws.eu-west-1.logs"
}
`, want: `resource "aws_vpc_endpoint" "logs" {
  vpc_endpoint_type = "Interface"
  service_name      = "com.amazonaws.eu-west-1.logs"
}
`},
		{name: "private_dns_enabled false", rule: NewVPCEndpointPrivateDNSRule(), src: `resource "aws_vpc_endpoint" "logs" {
  service_name        = "com.amazonaws.eu-west-1.logs"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = false
}
`, want: `resource "aws_vpc_endpoint" "logs" {
  service_name        = "com.amazonaws.eu-west-1.logs"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
`},
		{name: "hostPort inside jsonencode", rule: NewAwsvpcHostPortRule(), src: `resource "aws_ecs_task_definition" "app" {
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{ name = "a", portMappings = [{ containerPort = 80, hostPort = 8080 }] }])
}
`, want: `resource "aws_ecs_task_definition" "app" {
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{ name = "a", portMappings = [{ containerPort = 80, hostPort = 80 }] }])
}
`},
		{name: "hostPort in for_each instances with different ports: the expression is copied", rule: NewAwsvpcHostPortRule(), src: `resource "aws_ecs_task_definition" "app" {
  for_each              = { web = 80, api = 8000 }
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{ name = each.key, portMappings = [{ containerPort = each.value, hostPort = 8080 }] }])
}
`, want: `resource "aws_ecs_task_definition" "app" {
  for_each              = { web = 80, api = 8000 }
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{ name = each.key, portMappings = [{ containerPort = each.value, hostPort = each.value }] }])
}
`},
		{name: "hostPort in count instances", rule: NewAwsvpcHostPortRule(), src: `resource "aws_ecs_task_definition" "app" {
  count                 = 2
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{ name = "a${count.index}", portMappings = [{ containerPort = 80 + count.index, hostPort = 8080 + count.index }] }])
}
`, want: `resource "aws_ecs_task_definition" "app" {
  count                 = 2
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{ name = "a${count.index}", portMappings = [{ containerPort = 80 + count.index, hostPort = 80 + count.index }] }])
}
`},
		{name: "containerPort from a local: reported without a fix", rule: NewAwsvpcHostPortRule(), src: `locals {
  port = 80
}
resource "aws_ecs_task_definition" "app" {
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{ name = "a", portMappings = [{ containerPort = local.port, hostPort = 8080 }] }])
}
`},
		{name: "hostPort in a JSON heredoc with an interpolated containerPort is not rewritten", rule: NewAwsvpcHostPortRule(), src: `locals {
  port = 80
}
resource "aws_ecs_task_definition" "app" {
  network_mode          = "awsvpc"
  container_definitions = <<EOT
[{"name": "a", "portMappings": [{"containerPort": ${local.port}, "hostPort": 8080}]}]
EOT
}
`},
		{name: "hostPort from a local is not rewritten", rule: NewAwsvpcHostPortRule(), src: `locals {
  port = 8080
}
resource "aws_ecs_task_definition" "app" {
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{ name = "a", portMappings = [{ containerPort = 80, hostPort = local.port }] }])
}
`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			runner := helper.TestRunner(t, map[string]string{"main.tf": tc.src})
			if err := tc.rule.Check(model.NewRunner(runner, true)); err != nil {
				t.Fatal(err)
			}
			if len(runner.Issues) == 0 {
				t.Fatal("the rule reported nothing")
			}
			want := map[string]string{}
			if tc.want != "" {
				want["main.tf"] = tc.want
			}
			helper.AssertChanges(t, want, runner.Changes())
		})
	}
}
