package rules

import (
	"strings"
	"testing"
)

func TestVPCEndpointSecurityGroup(t *testing.T) {
	endpoint := func(groups string) string {
		return `
resource "aws_vpc_endpoint" "logs" {
  service_name        = "com.amazonaws.eu-west-1.logs"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
` + groups + `
}`
	}
	testRule(t, NewVPCEndpointSecurityGroupRule(), []ruleCase{
		{name: "no security groups", src: endpoint(""),
			want: []string{`2:1: this Interface endpoint has no security_group_ids`}},
		{name: "silent: no security groups, without private DNS (only clients told its name use it)", src: strings.Replace(endpoint(""), "private_dns_enabled = true", "private_dns_enabled = false", 1)},
		{name: "silent: no security groups, private DNS not known", src: strings.Replace(endpoint(""), "private_dns_enabled = true", "private_dns_enabled = var.dns", 1)},
		{name: "no HTTPS ingress", src: endpoint("  security_group_ids = [aws_security_group.ep.id]") + `
resource "aws_security_group" "ep" {
  ingress {
    from_port = 80
    to_port   = 80
    protocol  = "tcp"
  }
}`, want: []string{`6:24: none of this endpoint's security groups admits TCP 443`}},
		{name: "silent: HTTPS from a rule resource", src: endpoint("  security_group_ids = [aws_security_group.ep.id]") + `
resource "aws_security_group" "ep" {}
resource "aws_security_group_rule" "https" {
  type              = "ingress"
  security_group_id = aws_security_group.ep.id
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
}`},
		{name: "silent: all traffic", src: endpoint("  security_group_ids = [aws_security_group.ep.id]") + `
resource "aws_security_group" "ep" {}
resource "aws_vpc_security_group_ingress_rule" "all" {
  security_group_id = aws_security_group.ep.id
  ip_protocol       = "-1"
}`},
		{name: "silent: a group from another module", src: endpoint("  security_group_ids = [module.sg.id]")},
	})
}

// loggingFargate is a Fargate service in a private subnet whose task logs with awslogs,
// and a logs endpoint whose security group admits 443 from what each case writes.
func loggingFargate(source string) string {
	return `
resource "aws_vpc" "main" {}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_security_group" "task" {
  vpc_id = aws_vpc.main.id
}
resource "aws_security_group" "other" {
  vpc_id = aws_vpc.main.id
}
resource "aws_ecs_task_definition" "app" {
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{ name = "app", image = "nginx", logConfiguration = { logDriver = "awslogs" } }])
}
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = [aws_subnet.a.id]
    security_groups = [aws_security_group.task.id]
  }
}
resource "aws_vpc_endpoint" "logs" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.logs"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.ep.id]
}
resource "aws_security_group" "ep" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port = 443
    to_port   = 443
    protocol  = "tcp"
    ` + source + `
  }
}
`
}

func TestVPCEndpointSecurityGroupCallers(t *testing.T) {
	testRule(t, NewVPCEndpointSecurityGroupRule(), []ruleCase{
		{name: "HTTPS from another CIDR", src: loggingFargate(`cidr_blocks = ["192.168.0.0/16"]`),
			want: []string{`30:25: this endpoint's security groups admit TCP 443, but not from the tasks of service aws_ecs_service.app, whose calls to logs (container "app" uses awslogs) go through this endpoint and time out. Add an ingress rule for TCP 443 from security group aws_security_group.task, or a CIDR that covers their subnets`}},
		{name: "HTTPS from another security group", src: loggingFargate(`security_groups = [aws_security_group.other.id]`),
			want: []string{`30:25: but not from the tasks of service aws_ecs_service.app`}},
		{name: "HTTPS from another group, as a rule resource", src: strings.Replace(loggingFargate(`self = false`), "ingress {", "egress {", 1) + `
resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id            = aws_security_group.ep.id
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.other.id
}`, want: []string{`30:25: but not from the tasks of service aws_ecs_service.app`}},
		{name: "silent: HTTPS from the tasks' security group", src: loggingFargate(`security_groups = [aws_security_group.task.id]`)},
		{name: "silent: HTTPS from a CIDR covering the subnet", src: loggingFargate(`cidr_blocks = ["10.0.0.0/16"]`)},
		{name: "silent: HTTPS from anywhere", src: loggingFargate(`cidr_blocks = ["0.0.0.0/0"]`)},
		{name: "silent: HTTPS from a prefix list", src: loggingFargate(`prefix_list_ids = ["pl-1"]`)},
		{name: "silent: a CIDR the model cannot read", src: loggingFargate(`cidr_blocks = [var.cidr]`)},
		{name: "silent: the subnet's CIDR is not known", src: strings.Replace(loggingFargate(`cidr_blocks = ["192.168.0.0/16"]`), `cidr_block = "10.0.1.0/24"`, `cidr_block = var.cidr`, 1)},
		{name: "silent: the tasks' security groups are not known", src: strings.Replace(loggingFargate(`security_groups = [aws_security_group.other.id]`), "[aws_security_group.task.id]", "var.groups", 1)},
		{name: "silent: the tasks do not use the service", src: strings.Replace(loggingFargate(`cidr_blocks = ["192.168.0.0/16"]`), `logConfiguration = { logDriver = "awslogs" }`, `essential = true`, 1)},
		{name: "silent: the endpoint has no private DNS", src: strings.Replace(loggingFargate(`cidr_blocks = ["192.168.0.0/16"]`), "private_dns_enabled = true", "private_dns_enabled = false", 1)},
		{name: "container instances the ecs endpoint does not admit", src: loggingFargate(`security_groups = [aws_security_group.task.id]`) + `
resource "aws_ecs_cluster" "main" {
  name = "main"
}
resource "aws_instance" "ecs" {
  subnet_id              = aws_subnet.a.id
  vpc_security_group_ids = [aws_security_group.other.id]
  user_data              = "ECS_CLUSTER=main"
}
resource "aws_vpc_endpoint" "ecs" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ecs"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.ep.id]
}`, want: []string{`55:25: this endpoint's security groups admit TCP 443, but not from container instance aws_instance.ecs, whose calls to ecs (the ECS agent) go through this endpoint and time out. Add an ingress rule for TCP 443 from security group aws_security_group.other, or a CIDR that covers their subnets`}},
	})
}
