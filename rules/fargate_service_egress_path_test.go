package rules

import (
	"strings"
	"testing"
)

func TestServiceEgressPath(t *testing.T) {
	publicSubnet := `
resource "aws_vpc" "main" {}
resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}
resource "aws_subnet" "a" {
  vpc_id = aws_vpc.main.id
}
resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
}
resource "aws_route_table_association" "a" {
  subnet_id      = aws_subnet.a.id
  route_table_id = aws_route_table.public.id
}
resource "aws_ecs_task_definition" "app" {
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{ name = "app", image = "nginx" }])
}
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets = [aws_subnet.a.id]
  }
}
`
	testRule(t, NewServiceEgressPathRule(), []ruleCase{
		{name: "public subnet without a public IP", src: publicSubnet,
			want: []string{`27:3: subnet aws_subnet.a reaches the internet through an internet gateway`}},
		{name: "isolated subnet pulling from Docker Hub", src: strings.Replace(isolatedFargate, "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1", "nginx", 1),
			want: []string{`14:15: container "app" pulls nginx, which is outside AWS PrivateLink, but subnet aws_subnet.a has no route to the internet`}},
		{name: "isolated subnet without any ECR endpoint", src: isolatedFargate,
			want: []string{`14:15: its VPC lacks what the tasks of aws_ecs_task_definition.app need: an Interface endpoint for com.amazonaws.<region>.ecr.dkr, an Interface endpoint for com.amazonaws.<region>.ecr.api, an S3 Gateway endpoint`}},
		{name: "silent: public subnet with a public IP", src: strings.Replace(publicSubnet, "subnets = [aws_subnet.a.id]", "subnets          = [aws_subnet.a.id]\n    assign_public_ip = true", 1)},
		{name: "silent: NAT route", src: strings.Replace(publicSubnet, "gateway_id = aws_internet_gateway.main.id", "nat_gateway_id = aws_nat_gateway.main.id", 1) + `
resource "aws_nat_gateway" "main" {}`},
		{name: "silent: route through a transit gateway", src: strings.Replace(publicSubnet, "gateway_id = aws_internet_gateway.main.id", "transit_gateway_id = \"tgw-1\"", 1)},
		{name: "silent: a route table we cannot see", src: strings.Replace(publicSubnet, "route_table_id = aws_route_table.public.id", "route_table_id = var.rt", 1)},
		{name: "ECS Exec without ssmmessages", src: withECR(strings.Replace(isolatedFargate, `launch_type     = "FARGATE"`, `launch_type     = "FARGATE"
  enable_execute_command = true`, 1)),
			want: []string{`15:15: subnet aws_subnet.a has no route to the internet, and its VPC has no Interface endpoint for com.amazonaws.<region>.ssmmessages, which ECS Exec (enable_execute_command) needs`}},
		{name: "Service Connect without ecs-agent", src: withECR(strings.Replace(isolatedFargate, `launch_type     = "FARGATE"`, `launch_type     = "FARGATE"
  service_connect_configuration {
    enabled = true
  }`, 1)),
			want: []string{`17:15: subnet aws_subnet.a has no route to the internet, and its VPC has no Interface endpoint for com.amazonaws.<region>.ecs-agent, through which Fargate manages the Envoy proxy of Service Connect`}},
		{name: "silent: ECS Exec with ssmmessages", src: withECR(strings.Replace(isolatedFargate, `launch_type     = "FARGATE"`, `launch_type     = "FARGATE"
  enable_execute_command = true`, 1)) + endpointOf("ssmmessages", "ssmmessages", "Interface")},
		{name: "silent: Service Connect with ecs-agent", src: withECR(strings.Replace(isolatedFargate, `launch_type     = "FARGATE"`, `launch_type     = "FARGATE"
  service_connect_configuration {
    enabled = true
  }`, 1)) + endpointOf("ecs_agent", "ecs-agent", "Interface")},
		{name: "silent: ECS Exec that may be off", src: withECR(strings.Replace(isolatedFargate, `launch_type     = "FARGATE"`, `launch_type     = "FARGATE"
  enable_execute_command = var.exec`, 1))},
		{name: "silent: IPv6 out through an egress-only gateway", src: ipv6Fargate},
		{name: "IPv6 route, but dual stack is disabled for the account", src: ipv6Fargate + `
resource "aws_ecs_account_setting_default" "dual_stack" {
  name  = "dualStackIPv6"
  value = "disabled"
}`, want: []string{`15:15: its VPC lacks what the tasks of aws_ecs_task_definition.app need`}},
		{name: "IPv6 route, but the subnet has no IPv6 CIDR", src: strings.Replace(ipv6Fargate, `ipv6_cidr_block = "2001:db8::/64"`, "", 1),
			want: []string{`15:15: its VPC lacks what the tasks of aws_ecs_task_definition.app need`}},
		{name: "routes of unknown count on another table", src: publicSubnet + `
resource "aws_route_table" "other" {
  vpc_id = aws_vpc.main.id
}
resource "aws_route" "other" {
  count                  = length(var.peers)
  route_table_id         = aws_route_table.other.id
  destination_cidr_block = var.peers[count.index]
  gateway_id             = "pcx-1"
}`,
			want: []string{`27:3: subnet aws_subnet.a reaches the internet through an internet gateway`}},
		{name: "silent: routes of unknown count on the subnet's table", src: publicSubnet + `
resource "aws_route" "more" {
  count                  = length(var.peers)
  route_table_id         = aws_route_table.public.id
  destination_cidr_block = var.peers[count.index]
  nat_gateway_id         = "nat-1"
}`},
		{name: "endpoints of unknown count in another VPC", src: isolatedFargate + `
resource "aws_vpc" "other" {}
resource "aws_vpc_endpoint" "other" {
  for_each          = var.services
  vpc_id            = aws_vpc.other.id
  service_name      = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type = "Interface"
}`,
			want: []string{`14:15: its VPC lacks what the tasks of aws_ecs_task_definition.app need`}},
		{name: "silent: endpoints of unknown count in the tasks' VPC", src: isolatedFargate + `
resource "aws_vpc_endpoint" "more" {
  for_each          = var.services
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type = "Interface"
}`},
		{name: "silent: an aws_route on an unknown table", src: isolatedFargate + `
resource "aws_route" "x" {
  route_table_id         = var.rt
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = "nat-1"
}`},
	})
}

// withECR adds to a configuration with aws_vpc.main the ECR endpoints and an S3 Gateway
// endpoint on the VPC's main route table.
func withECR(src string) string {
	return src + endpointOf("dkr", "ecr.dkr", "Interface") + endpointOf("api", "ecr.api", "Interface") + `
resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = [aws_vpc.main.main_route_table_id]
}
`
}

// ipv6Fargate is isolatedFargate with an IPv6 subnet whose main route table sends IPv6
// out through an egress-only internet gateway.
var ipv6Fargate = strings.Replace(isolatedFargate, `resource "aws_subnet" "a" {
  vpc_id = aws_vpc.main.id
}`, `resource "aws_subnet" "a" {
  vpc_id          = aws_vpc.main.id
  ipv6_cidr_block = "2001:db8::/64"
}`, 1) + `
resource "aws_route" "ipv6" {
  route_table_id              = aws_vpc.main.main_route_table_id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = "eigw-1"
}
`
