# A service module of an older style: one map of rules, each with its type, one
# aws_security_group_rule per entry.
variable "name" {
  type = string
}

variable "rules" {
  type    = any
  default = {}
}

resource "aws_security_group" "this" {
  name   = var.name
  vpc_id = "vpc-12345678"
}

resource "aws_security_group_rule" "this" {
  for_each          = var.rules
  security_group_id = aws_security_group.this.id
  type              = each.value.type
  protocol          = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_ecs_service" "this" {
  name            = var.name
  cluster         = "default"
  task_definition = "arn:aws:ecs:eu-west-1:123456789012:task-definition/${var.name}:1"
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-12345678"]
    security_groups = [aws_security_group.this.id]
  }
}
