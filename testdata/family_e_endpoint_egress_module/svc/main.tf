variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_id" {
  type = string
}

variable "task_definition" {
  type = string
}

variable "egress_cidrs" {
  type = list(string)
}

resource "aws_security_group" "tasks" {
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
  cluster         = "default"
  task_definition = var.task_definition
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = [var.subnet_id]
    security_groups = [aws_security_group.tasks.id]
  }
}
