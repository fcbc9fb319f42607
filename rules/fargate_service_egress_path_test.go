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
			want: []string{`14:15: its VPC lacks what the tasks of app need: an Interface endpoint for com.amazonaws.<region>.ecr.dkr, an Interface endpoint for com.amazonaws.<region>.ecr.api, an S3 Gateway endpoint`}},
		{name: "silent: public subnet with a public IP", src: strings.Replace(publicSubnet, "subnets = [aws_subnet.a.id]", "subnets          = [aws_subnet.a.id]\n    assign_public_ip = true", 1)},
		{name: "silent: NAT route", src: strings.Replace(publicSubnet, "gateway_id = aws_internet_gateway.main.id", "nat_gateway_id = aws_nat_gateway.main.id", 1) + `
resource "aws_nat_gateway" "main" {}`},
		{name: "silent: route through a transit gateway", src: strings.Replace(publicSubnet, "gateway_id = aws_internet_gateway.main.id", "transit_gateway_id = \"tgw-1\"", 1)},
		{name: "silent: a route table we cannot see", src: strings.Replace(publicSubnet, "route_table_id = aws_route_table.public.id", "route_table_id = var.rt", 1)},
		{name: "silent: an aws_route on an unknown table", src: isolatedFargate + `
resource "aws_route" "x" {
  route_table_id         = var.rt
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = "nat-1"
}`},
	})
}
