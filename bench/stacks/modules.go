package stacks

import (
	"fmt"
	"strings"
)

// ModuleFiles returns the same n stacks written through a module, as most real
// configurations are: the root calls a local service module with for_each over maps of
// perCall services, passing the shared network in; paths are relative to the root.
func ModuleFiles(n, perCall int) map[string]string {
	files := map[string]string{"modules/service/main.tf": serviceModule}
	var b strings.Builder
	b.WriteString("variable \"region\" {\n  default = \"eu-west-1\"\n}\n\n")
	b.WriteString(sharedNetwork)
	b.WriteString("resource \"aws_lb_listener\" \"main\" {\n  load_balancer_arn = \"arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/main/1\"\n  port = 443\n  default_action {\n    type = \"fixed-response\"\n  }\n}\n")
	files["shared.tf"] = b.String()
	for call := 0; call*perCall < n; call++ {
		b.Reset()
		fmt.Fprintf(&b, callTemplate, call, call*perCall, min(n, (call+1)*perCall))
		files[fmt.Sprintf("services_%03d.tf", call)] = b.String()
	}
	return files
}

// callTemplate calls the service module for the services %[2]d to %[3]d.
const callTemplate = `
locals {
  services_%[1]d = { for i in range(%[2]d, %[3]d) : "svc-${i}" => { port = 8080, priority = i + 1 } }
}

module "services_%[1]d" {
  source   = "./modules/service"
  for_each = local.services_%[1]d

  name         = each.key
  port         = each.value.port
  priority     = each.value.priority
  region       = var.region
  vpc_id       = aws_vpc.main.id
  subnet_ids   = aws_subnet.private[*].id
  listener_arn = aws_lb_listener.main.arn
}
`

// serviceModule is one Fargate stack as a module.
const serviceModule = `
variable "name" {
  type = string
}

variable "port" {
  type = number
}

variable "priority" {
  type = number
}

variable "region" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "listener_arn" {
  type = string
}

locals {
  containers = [
    {
      name         = var.name
      image        = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/${var.name}:1.0.0"
      essential    = true
      portMappings = [{ containerPort = var.port, hostPort = var.port }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/${var.name}"
          "awslogs-region"        = var.region
          "awslogs-stream-prefix" = var.name
        }
      }
    }
  ]
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = jsonencode(local.containers)
}

resource "aws_security_group" "this" {
  name   = var.name
  vpc_id = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "this" {
  security_group_id = aws_security_group.this.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_lb_target_group" "this" {
  name        = var.name
  port        = var.port
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
}

resource "aws_lb_listener_rule" "this" {
  listener_arn = var.listener_arn
  priority     = var.priority

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this.arn
  }

  condition {
    path_pattern {
      values = ["/${var.name}/*"]
    }
  }
}

resource "aws_ecs_service" "this" {
  name            = var.name
  cluster         = "main"
  task_definition = aws_ecs_task_definition.this.arn
  launch_type     = "FARGATE"
  desired_count   = 2

  network_configuration {
    subnets         = var.subnet_ids
    security_groups = [aws_security_group.this.id]
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.this.arn
    container_name   = var.name
    container_port   = var.port
  }

  depends_on = [aws_lb_listener_rule.this]
}
`
