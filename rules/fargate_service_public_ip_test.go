package rules

import "testing"

func TestServicePublicIP(t *testing.T) {
	service := func(extra string) string {
		return `
resource "aws_ecs_cluster" "main" {
  name = "main"
}
resource "aws_ecs_service" "app" {
  cluster = aws_ecs_cluster.main.id
` + extra + `
  network_configuration {
    subnets          = ["subnet-1"]
    assign_public_ip = true
  }
}`
	}
	testRule(t, NewServicePublicIPRule(), []ruleCase{
		{name: "EC2 launch type", src: service(`  launch_type = "EC2"`),
			want: []string{`10:24: assign_public_ip = true only works on Fargate, and this service runs on EC2`}},
		{name: "EC2 by default: cluster without a default strategy", src: service(``),
			want: []string{`10:24: so ECS uses EC2`}},
		{name: "silent on Fargate", src: service(`  launch_type = "FARGATE"`)},
		{name: "silent: Fargate default strategy", src: `
resource "aws_ecs_cluster" "main" {
  name = "main"
}
resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = ["FARGATE"]
  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
  }
}
resource "aws_ecs_service" "app" {
  cluster = aws_ecs_cluster.main.id
  network_configuration {
    subnets          = ["subnet-1"]
    assign_public_ip = true
  }
}`},
		{name: "silent: unknown cluster", src: `
resource "aws_ecs_service" "app" {
  cluster = data.aws_ecs_cluster.main.id
  network_configuration {
    subnets          = ["subnet-1"]
    assign_public_ip = true
  }
}`},
	})
}
