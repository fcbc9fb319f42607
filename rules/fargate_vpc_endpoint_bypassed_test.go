package rules

import "testing"

func TestVPCEndpointBypassed(t *testing.T) {
	// A Fargate service in a private subnet whose default route leads to a NAT gateway or
	// nowhere, and a logs endpoint without private DNS.
	stack := func(route, endpointService string) string {
		return `
resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
}
resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
` + route + `
}
resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}
resource "aws_ecs_task_definition" "app" {
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name  = "app"
    image = "nginx:1.27"
    logConfiguration = {
      logDriver = "awslogs"
      options   = { "awslogs-group" = "g", "awslogs-region" = "eu-west-1", "awslogs-stream-prefix" = "app" }
    }
  }])
}
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = [aws_subnet.private.id]
    security_groups = ["sg-1"]
  }
}
resource "aws_vpc_endpoint" "ep" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.` + endpointService + `"
  vpc_endpoint_type = "Interface"
}
`
	}
	nat := `  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.nat.id
  }
}
resource "aws_nat_gateway" "nat" {
  subnet_id = "subnet-public"`
	testRule(t, NewVPCEndpointBypassedRule(), []ruleCase{
		{name: "tasks with a NAT gateway", src: stack(nat, "logs"),
			want: []string{`46:1: private_dns_enabled is not set, and the provider then sends false, so tasks and container instances in this VPC call logs by its public address`}},
		{name: "silent: tasks without internet access (an error of fargate_vpc_endpoint_private_dns)", src: stack("", "logs")},
		{name: "ecs endpoint: Fargate tasks do not call it", src: stack("", "ecs"),
			want: []string{`40:1: private_dns_enabled is not set, and the provider then sends false, so the ECS agent on container instances in this VPC calls ecs by its public address`}},
	})
	testRule(t, NewVPCEndpointPrivateDNSRule(), []ruleCase{
		{name: "tasks without internet access", src: stack("", "logs"),
			want: []string{`40:1: private_dns_enabled is not set`}},
		{name: "silent: tasks with a NAT gateway (a warning of fargate_vpc_endpoint_bypassed)", src: stack(nat, "logs")},
		{name: "silent: ecs endpoint no container instance needs", src: stack("", "ecs")},
		{name: "endpoints whose callers are not in the configuration", src: `
resource "aws_vpc_endpoint" "ep" {
  vpc_id            = "vpc-1"
  service_name      = "com.amazonaws.eu-west-1.logs"
  vpc_endpoint_type = "Interface"
}`, want: []string{`2:1: private_dns_enabled is not set`}},
	})
}
