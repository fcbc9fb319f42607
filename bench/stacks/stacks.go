// Package stacks generates the Terraform module the benchmarks lint: Fargate stacks
// (task definition with jsonencode containers built from locals, service, target group,
// listener rule, security group with an egress rule resource) in one VPC with NAT.
package stacks

import (
	"fmt"
	"strings"
)

// Files returns the module: n stacks, perFile to a file, plus shared.tf.
func Files(n, perFile int) map[string]string {
	files := map[string]string{}
	var b strings.Builder
	b.WriteString("variable \"region\" {\n  default = \"eu-west-1\"\n}\n\n")
	b.WriteString(sharedNetwork)
	b.WriteString("resource \"aws_lb_listener\" \"main\" {\n  load_balancer_arn = \"arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/main/1\"\n  port = 443\n  default_action {\n    type = \"fixed-response\"\n  }\n}\n")
	files["shared.tf"] = b.String()
	for file := 0; file*perFile < n; file++ {
		b.Reset()
		for i := file * perFile; i < min(n, (file+1)*perFile); i++ {
			fmt.Fprintf(&b, stackTemplate, i)
		}
		files[fmt.Sprintf("stacks_%03d.tf", file)] = b.String()
	}
	return files
}

// stackTemplate is one Fargate stack; %[1]d numbers it.
const stackTemplate = `
locals {
  s%[1]d_name = "svc-%[1]d"
  s%[1]d_port = 8080
  s%[1]d_containers = [
    {
      name         = local.s%[1]d_name
      image        = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/svc-%[1]d:1.0.0"
      essential    = true
      portMappings = [{ containerPort = local.s%[1]d_port, hostPort = local.s%[1]d_port }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/${local.s%[1]d_name}"
          "awslogs-region"        = var.region
          "awslogs-stream-prefix" = local.s%[1]d_name
        }
      }
    }
  ]
}

resource "aws_ecs_task_definition" "s%[1]d" {
  family                   = local.s%[1]d_name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = jsonencode(local.s%[1]d_containers)
}

resource "aws_security_group" "s%[1]d" {
  name   = "svc-%[1]d"
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc_security_group_egress_rule" "s%[1]d" {
  security_group_id = aws_security_group.s%[1]d.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_lb_target_group" "s%[1]d" {
  name        = "svc-%[1]d"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = aws_vpc.main.id
}

resource "aws_lb_listener_rule" "s%[1]d" {
  listener_arn = aws_lb_listener.main.arn
  priority     = %[1]d + 1

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.s%[1]d.arn
  }

  condition {
    path_pattern {
      values = ["/svc-%[1]d/*"]
    }
  }
}

resource "aws_ecs_service" "s%[1]d" {
  name            = "svc-%[1]d"
  cluster         = "main"
  task_definition = aws_ecs_task_definition.s%[1]d.arn
  launch_type     = "FARGATE"
  desired_count   = 2

  network_configuration {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.s%[1]d.id]
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.s%[1]d.arn
    container_name   = "svc-%[1]d"
    container_port   = 8080
  }

  depends_on = [aws_lb_listener_rule.s%[1]d]
}
`

// sharedNetwork is the VPC every stack runs in: private subnets behind a NAT gateway.
const sharedNetwork = `
resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_subnet" "public" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.0.0/24"
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
}

resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}

resource "aws_nat_gateway" "main" {
  subnet_id = aws_subnet.public.id
}

resource "aws_subnet" "private" {
  count      = 3
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.${count.index + 1}.0/24"
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.main.id
  }
}

resource "aws_route_table_association" "private" {
  count          = 3
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}
`
