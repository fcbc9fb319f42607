# A service module in the style of the community ones: the tasks' security group gets its
# rules from the caller's maps, one rule resource per entry.
variable "name" {
  type = string
}

variable "ingress_rules" {
  type    = any
  default = {}
}

variable "egress_rules" {
  type    = any
  default = {}
}

variable "create_security_group" {
  type    = bool
  default = true
}

resource "aws_security_group" "this" {
  count  = var.create_security_group ? 1 : 0
  name   = var.name
  vpc_id = "vpc-12345678"
}

resource "aws_vpc_security_group_ingress_rule" "this" {
  for_each          = { for k, v in var.ingress_rules : k => v if var.create_security_group }
  security_group_id = aws_security_group.this[0].id
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_ipv4         = each.value.cidr
}

resource "aws_vpc_security_group_egress_rule" "this" {
  for_each          = { for k, v in var.egress_rules : k => v if var.create_security_group }
  security_group_id = aws_security_group.this[0].id
  ip_protocol       = lookup(each.value, "protocol", "-1")
  cidr_ipv4         = each.value.cidr
}

resource "aws_ecs_service" "this" {
  name            = var.name
  cluster         = "default"
  task_definition = "arn:aws:ecs:eu-west-1:123456789012:task-definition/${var.name}:1"
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-12345678"]
    security_groups = aws_security_group.this[*].id
  }
}
