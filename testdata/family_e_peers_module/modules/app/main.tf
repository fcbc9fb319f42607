variable "name" {}
variable "cluster" {}
variable "subnets" {}
variable "vpc_id" {}
variable "cpu" {
  default = 256
}
variable "memory" {
  default = 512
}
variable "network_mode" {
  default = "awsvpc"
}
variable "essential" {
  default = true
}
variable "target_group_vpc_id" {
  default = null
}
variable "health_check_matcher" {
  default = null
}
variable "egress_cidrs" {
  default = ["0.0.0.0/0"]
}

locals {
  image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/${var.name}:1"
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = var.network_mode
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([{
    name      = var.name
    image     = local.image
    essential = var.essential
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = "/ecs/${var.name}"
        "awslogs-region"        = "eu-west-1"
        "awslogs-stream-prefix" = var.name
      }
    }
  }])
}

resource "aws_lb_target_group" "this" {
  name        = var.name
  port        = 80
  protocol    = "TCP"
  target_type = "ip"
  vpc_id      = var.target_group_vpc_id

  health_check {
    protocol = "TCP"
    matcher  = var.health_check_matcher
  }
}

resource "aws_security_group" "this" {
  name   = var.name
  vpc_id = var.vpc_id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = var.egress_cidrs
  }
}

resource "aws_ecs_service" "this" {
  name            = var.name
  cluster         = var.cluster
  task_definition = aws_ecs_task_definition.this.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = var.subnets
    security_groups = [aws_security_group.this.id]
  }
}
