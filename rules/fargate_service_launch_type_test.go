package rules

import "testing"

const fargateCluster = `
resource "aws_ecs_cluster" "main" {
  name = "main"
}
resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = ["FARGATE"]
}
`

func TestServiceLaunchType(t *testing.T) {
	testRule(t, NewServiceLaunchTypeRule(), []ruleCase{
		{name: "launch_type with a strategy", src: `
resource "aws_ecs_service" "app" {
  launch_type = "FARGATE"
  capacity_provider_strategy {
    capacity_provider = "FARGATE"
  }
}`, want: []string{`3:17: launch_type and capacity_provider_strategy cannot both be set`}},
		{name: "Fargate and Auto Scaling providers mixed", src: `
resource "aws_ecs_service" "app" {
  capacity_provider_strategy {
    capacity_provider = "FARGATE"
  }
  capacity_provider_strategy {
    capacity_provider = "my-asg"
  }
}`, want: []string{`7:25: this capacity provider strategy mixes the Fargate provider FARGATE with the Auto Scaling group provider my-asg`}},
		{name: "provider not associated with the cluster", src: fargateCluster + `
resource "aws_ecs_service" "app" {
  cluster = aws_ecs_cluster.main.id
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
  }
}`, want: []string{`13:25: capacity provider FARGATE_SPOT is not associated with cluster aws_ecs_cluster.main`}},
		{name: "task definition without FARGATE", src: `
resource "aws_ecs_task_definition" "app" {
  requires_compatibilities = ["EC2"]
}
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
}`, want: []string{`6:21: this service runs on Fargate, but its task definition aws_ecs_task_definition.app does not list FARGATE`}},
		{name: "silent: associated provider, by literal cluster name", src: fargateCluster + `
resource "aws_ecs_service" "app" {
  cluster = "main"
  capacity_provider_strategy {
    capacity_provider = "FARGATE"
  }
}`},
		{name: "silent: compatibilities omitted, bridge network mode (fargate_task_network_mode reports the mode)", src: `
resource "aws_ecs_task_definition" "app" {}
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
}`},
		{name: "silent: compatibilities omitted, awsvpc", src: `
resource "aws_ecs_task_definition" "app" {
  network_mode = "awsvpc"
}
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
}`},
		{name: "silent: launch_type that may be null beside a dynamic strategy", src: `
resource "aws_ecs_service" "app" {
  launch_type = length(var.capacity_providers) == 0 ? "FARGATE" : null
  dynamic "capacity_provider_strategy" {
    for_each = var.capacity_providers
    content {
      capacity_provider = capacity_provider_strategy.value
    }
  }
}`},
		{name: "launch_type beside a strategy, both known", src: `
locals {
  providers = ["FARGATE"]
}
resource "aws_ecs_service" "app" {
  launch_type = length(local.providers) == 0 ? null : "FARGATE"
  dynamic "capacity_provider_strategy" {
    for_each = local.providers
    content {
      capacity_provider = capacity_provider_strategy.value
    }
  }
}`, want: []string{`6:17: launch_type and capacity_provider_strategy cannot both be set`}},
		{name: "silent: cluster outside the module", src: `
resource "aws_ecs_service" "app" {
  cluster = var.cluster_arn
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
  }
}`},
	})
}
