package rules

import "testing"

func TestTaskNetworkMode(t *testing.T) {
	testRule(t, NewTaskNetworkModeRule(), []ruleCase{
		{name: "bridge is flagged on the attribute", src: fargateTask(`  network_mode = "bridge"`),
			want: []string{`7:18: network_mode is "bridge", but Fargate tasks require "awsvpc"`}},
		{name: "omitted is bridge, flagged on the block", src: fargateTask(``),
			want: []string{`2:1: network_mode is not set, so ECS uses "bridge"`}},
		{name: "host through a local", src: `
locals {
  mode = "host"
}
` + fargateTask(`  network_mode = local.mode`),
			want: []string{`11:18: network_mode is "host"`}},
		{name: "upper case awsvpc is one finding", src: fargateTask(`  network_mode = "AWSVPC"`),
			want: []string{`7:18: network_mode is "AWSVPC", but network modes are lower case (the provider refuses any value but "awsvpc", "bridge", "host" or "none", written in lower case): set network_mode = "awsvpc"`}},
		{name: "a mode in the wrong case on EC2 too", src: `
resource "aws_ecs_task_definition" "app" {
  family       = "app"
  network_mode = "Bridge"
}`, want: []string{`4:18: network_mode is "Bridge", but network modes are lower case`}},
		{name: "not a mode at all", src: fargateTask(`  network_mode = "vpc"`),
			want: []string{`7:18: network_mode is "vpc", which is not a network mode`}},
		{name: "awsvpc is silent", src: fargateTask(`  network_mode = "awsvpc"`)},
		{name: "EC2 task is silent", src: `
resource "aws_ecs_task_definition" "app" {
  family       = "app"
  network_mode = "bridge"
}`},
		{name: "unknown mode is silent", src: `
variable "mode" {
  type = string
}
` + fargateTask(`  network_mode = var.mode`)},
		{name: "unknown compatibilities are silent", src: `
resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = aws_thing.x.compat
}`},
	})
}
