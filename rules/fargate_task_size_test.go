package rules

import "testing"

func TestTaskSize(t *testing.T) {
	task := func(size string) string {
		return `
resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
` + size + `
}`
	}
	testRule(t, NewTaskSizeRule(), []ruleCase{
		{name: "Windows below 1 vCPU", src: `
resource "aws_ecs_task_definition" "win" {
  requires_compatibilities = ["FARGATE"]
  cpu                      = 512
  memory                   = 1024
  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2022_CORE"
  }
}`, want: []string{`4:30: Windows tasks on Fargate need at least 1 vCPU, and cpu is 512`}},
		{name: "silent: Windows with 1 vCPU", src: `
resource "aws_ecs_task_definition" "win" {
  requires_compatibilities = ["FARGATE"]
  cpu                      = 1024
  memory                   = 2048
  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2022_CORE"
  }
}`},
		{name: "missing cpu and memory", src: task(``),
			want: []string{`2:1: Fargate tasks need a task-level cpu`, `2:1: Fargate tasks need a task-level memory`}},
		{name: "pair Fargate does not offer", src: task("  cpu    = 256\n  memory = 4096"),
			want: []string{`7:12: Fargate has no task size with cpu 256 and memory 4096: with cpu 256, memory must be 512, 1024 or 2048 MiB`}},
		{name: "cpu Fargate does not offer", src: task("  cpu    = 300\n  memory = 512"),
			want: []string{`6:12: Fargate has no task size with cpu 300: use one of 256, 512, 1024, 2048, 4096, 8192, 16384 or 32768`}},
		{name: "vCPU and GB strings", src: task("  cpu    = \"2 vCPU\"\n  memory = \"2GB\""),
			want: []string{`7:12: with cpu 2048, memory must be between 4096 and 16384 in steps of 1024 MiB`}},
		{name: "valid pairs are silent", src: task("  cpu    = \".5 vCPU\"\n  memory = \"1 GB\"")},
		{name: "16 vCPU is silent", src: task("  cpu    = 16384\n  memory = 122880")},
		{name: "32 vCPU with 244 GB is silent", src: task("  cpu    = 32768\n  memory = 249856")},
		{name: "32 vCPU strings are silent", src: task("  cpu    = \"32 vCPU\"\n  memory = \"60 GB\"")},
		{name: "32 vCPU with a memory between its three", src: task("  cpu    = 32768\n  memory = 65536"),
			want: []string{`7:12: Fargate has no task size with cpu 32768 and memory 65536: with cpu 32768, memory must be 61440, 122880 or 249856 MiB`}},
		{name: "unknown is silent", src: task("  cpu    = var.cpu\n  memory = var.memory")},
		{name: "EC2 task is silent", src: `
resource "aws_ecs_task_definition" "app" {
  family = "app"
}`},
	})
}
