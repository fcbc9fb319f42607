package rules

import (
	"strings"
	"testing"
)

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
	ecrService := `
resource "aws_ecs_task_definition" "app" {
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  container_definitions    = jsonencode([{ name = "app", image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1" }])
}
resource "aws_ecs_service" "app" {
  launch_type     = "FARGATE"
  task_definition = aws_ecs_task_definition.app.arn
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = [aws_security_group.task.id]
  }
}`
	testRule(t, NewServiceSecurityGroupEgressRule(), []ruleCase{
		{name: "adopted default group named by the service", src: `
resource "aws_vpc" "main" {}
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
}
resource "aws_ecs_service" "app" {
  launch_type = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = [aws_default_security_group.default.id]
  }
}`, want: []string{`3:1: security group aws_default_security_group.default of service aws_ecs_service.app's tasks has no egress rule, and aws_default_security_group.default is the VPC's default security group (the one tasks get when they name none), adopted by Terraform`}},
		{name: "tasks without security_groups get the adopted default group", src: `
resource "aws_vpc" "main" {}
resource "aws_subnet" "a" {
  vpc_id = aws_vpc.main.id
}
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
  ingress {
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }
}
resource "aws_ecs_service" "app" {
  launch_type = "FARGATE"
  network_configuration {
    subnets = [aws_subnet.a.id]
  }
}`, want: []string{`6:1: security group aws_default_security_group.default of service aws_ecs_service.app's tasks has no egress rule, and aws_default_security_group.default is the VPC's default security group`}},
		{name: "silent: the adopted default group writes egress", src: `
resource "aws_vpc" "main" {}
resource "aws_subnet" "a" {
  vpc_id = aws_vpc.main.id
}
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_ecs_service" "app" {
  launch_type = "FARGATE"
  network_configuration {
    subnets = [aws_subnet.a.id]
  }
}`},
		{name: "silent: an egress rule resource on the adopted default group", src: `
resource "aws_vpc" "main" {}
resource "aws_subnet" "a" {
  vpc_id = aws_vpc.main.id
}
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
}
resource "aws_vpc_security_group_egress_rule" "all" {
  security_group_id = aws_default_security_group.default.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}
resource "aws_ecs_service" "app" {
  launch_type = "FARGATE"
  network_configuration {
    subnets = [aws_subnet.a.id]
  }
}`},
		{name: "silent: default group of another VPC", src: `
resource "aws_vpc" "main" {}
resource "aws_vpc" "other" {}
resource "aws_subnet" "a" {
  vpc_id = aws_vpc.main.id
}
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.other.id
}
resource "aws_ecs_service" "app" {
  launch_type = "FARGATE"
  network_configuration {
    subnets = [aws_subnet.a.id]
  }
}`},
		{name: "silent: subnets' VPC unknown", src: `
resource "aws_vpc" "main" {}
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
}
resource "aws_ecs_service" "app" {
  launch_type = "FARGATE"
  network_configuration {
    subnets = var.subnets
  }
}`},
		{name: "HTTPS egress only to private addresses while pulling from private ECR", src: ecrService + `
resource "aws_security_group" "task" {
  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16", "192.168.0.0/24"]
  }
}`, want: []string{`15:1: security group aws_security_group.task of service aws_ecs_service.app's tasks allows HTTPS egress only to private addresses, but container "app" pulls a private ECR image, whose layers come from Amazon S3 at public addresses`}},
		{name: "egress only to an endpoint's security group", src: ecrService + `
resource "aws_security_group" "task" {}
resource "aws_security_group" "endpoints" {}
resource "aws_vpc_security_group_egress_rule" "to_endpoints" {
  security_group_id            = aws_security_group.task.id
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.endpoints.id
}`, want: []string{`15:1: security group aws_security_group.task of service aws_ecs_service.app's tasks allows HTTPS egress only to private addresses`}},
		{name: "silent: the S3 prefix list is allowed", src: ecrService + `
resource "aws_security_group" "task" {
  egress {
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    cidr_blocks     = ["10.0.0.0/16"]
    prefix_list_ids = [aws_vpc_endpoint.s3.prefix_list_id]
  }
}`},
		{name: "silent: 0.0.0.0/0 in another group of the interface", src: `
resource "aws_ecs_task_definition" "app" {
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  container_definitions    = jsonencode([{ name = "app", image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1" }])
}
resource "aws_ecs_service" "app" {
  launch_type     = "FARGATE"
  task_definition = aws_ecs_task_definition.app.arn
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = [aws_security_group.task.id, aws_security_group.out.id]
  }
}
resource "aws_security_group" "task" {
  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
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
		{name: "silent: a public image (the registry may be anywhere)", src: strings.Replace(ecrService, "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1", "registry.internal/app:1", 1) + `
resource "aws_security_group" "task" {
  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}`},
		{name: "silent: an unknown destination", src: ecrService + `
resource "aws_security_group" "task" {
  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = var.cidrs
  }
}`},
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
		{name: "egress rules of unknown count on another group", src: service + `
resource "aws_security_group" "task" {}
resource "aws_security_group" "lb" {}
resource "aws_vpc_security_group_egress_rule" "lb" {
  for_each          = var.lb_rules
  security_group_id = aws_security_group.lb.id
  ip_protocol       = "-1"
  cidr_ipv4         = each.value
}`, want: []string{`10:1: security group aws_security_group.task of service aws_ecs_service.app's tasks has no egress rule`}},
		{name: "silent: egress rules of unknown count on the tasks' group", src: service + `
resource "aws_security_group" "task" {}
resource "aws_vpc_security_group_egress_rule" "task" {
  for_each          = var.task_rules
  security_group_id = aws_security_group.task.id
  ip_protocol       = "-1"
  cidr_ipv4         = each.value
}`},
		{name: "silent: egress rules of unknown count whose group depends on the instance", src: service + `
resource "aws_security_group" "task" {}
resource "aws_security_group_rule" "any" {
  for_each          = var.rules
  type              = "egress"
  security_group_id = each.value.group
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
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
