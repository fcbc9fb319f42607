package rules

import "testing"

func TestServiceSecurityGroupEgress(t *testing.T) {
	service := `
resource "aws_ecs_service" "app" {
  launch_type = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = [aws_security_group.task.id]
  }
}
`
	testRule(t, NewServiceSecurityGroupEgressRule(), []ruleCase{
		{name: "silent: EC2 service (the instance pulls images)", src: `
resource "aws_ecs_service" "app" {
  launch_type = "EC2"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = [aws_security_group.task.id]
  }
}
resource "aws_security_group" "task" {}`},
		{name: "silent: launch type not known", src: `
resource "aws_ecs_service" "app" {
  cluster = var.cluster
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = [aws_security_group.task.id]
  }
}
resource "aws_security_group" "task" {}`},
		{name: "no egress", src: service + `
resource "aws_security_group" "task" {
  ingress {
    from_port = 80
    to_port   = 80
    protocol  = "tcp"
  }
}`, want: []string{`10:1: security group aws_security_group.task of service aws_ecs_service.app's tasks has no egress rule`}},
		{name: "egress = [] in attribute syntax", src: service + `
resource "aws_security_group" "task" {
  egress = []
}`, want: []string{`10:1: security group aws_security_group.task of service aws_ecs_service.app's tasks has no egress rule`}},
		{name: "silent: inline egress", src: service + `
resource "aws_security_group" "task" {
  egress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
  }
}`},
		{name: "silent: aws_security_group_rule egress", src: service + `
resource "aws_security_group" "task" {}
resource "aws_security_group_rule" "out" {
  type              = "egress"
  security_group_id = aws_security_group.task.id
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
}`},
		{name: "silent: a rule on an unknown group", src: service + `
resource "aws_security_group" "task" {}
resource "aws_vpc_security_group_egress_rule" "out" {
  security_group_id = var.sg
  ip_protocol       = "-1"
}`},
		{name: "silent: dynamic egress with unknown for_each", src: service + `
resource "aws_security_group" "task" {
  dynamic "egress" {
    for_each = var.rules
    content {
      from_port = egress.value
      to_port   = egress.value
      protocol  = "tcp"
    }
  }
}`},
		{name: "silent: the groups are a union, one has egress", src: `
resource "aws_ecs_service" "app" {
  launch_type = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = [aws_security_group.in.id, aws_security_group.out.id]
  }
}
resource "aws_security_group" "in" {
  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
resource "aws_security_group" "out" {
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}`},
		{name: "silent: another group of the list is not known", src: `
resource "aws_ecs_service" "app" {
  launch_type = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = [aws_security_group.in.id, var.shared_sg]
  }
}
resource "aws_security_group" "in" {}`},
		{name: "two groups, neither with egress: one finding", src: `
resource "aws_ecs_service" "app" {
  launch_type = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = [aws_security_group.a.id, aws_security_group.b.id]
  }
}
resource "aws_security_group" "a" {}
resource "aws_security_group" "b" {}`, want: []string{`9:1: security groups aws_security_group.a and aws_security_group.b of service aws_ecs_service.app's tasks have no egress rule`}},
		{name: "a group shared by two services: one finding naming both", src: `
resource "aws_ecs_service" "app" {
  launch_type = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = [aws_security_group.task.id]
  }
}
resource "aws_ecs_service" "web" {
  launch_type = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = [aws_security_group.task.id]
  }
}
resource "aws_security_group" "task" {}`, want: []string{`16:1: security group aws_security_group.task of the tasks of services aws_ecs_service.app and aws_ecs_service.web has no egress rule`}},
	})
}
