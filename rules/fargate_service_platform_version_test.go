package rules

import "testing"

func TestServicePlatformVersion(t *testing.T) {
	task := func(extra string) string {
		return `
resource "aws_ecs_task_definition" "app" {
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
` + extra + `
}
`
	}
	service := func(version, extra string) string {
		return `
resource "aws_ecs_service" "app" {
  task_definition  = aws_ecs_task_definition.app.arn
  launch_type      = "FARGATE"
  platform_version = "` + version + `"
` + extra + `
}`
	}
	testRule(t, NewServicePlatformVersionRule(), []ruleCase{
		{name: "ARM64 on 1.3.0", src: task("  runtime_platform {\n    cpu_architecture = \"ARM64\"\n  }") + service("1.3.0", ""),
			want: []string{`13:22: platform_version 1.3.0 cannot run this service because its task definition runs on ARM64, which needs 1.4.0`}},
		{name: "32 vCPU on 1.3.0", src: task("  cpu    = 32768\n  memory = 61440") + service("1.3.0", ""),
			want: []string{`12:22: platform_version 1.3.0 cannot run this service because its task definition asks for 32 vCPU, which needs 1.4.0`}},
		{name: "silent: ARM64 on LATEST", src: task("  runtime_platform {\n    cpu_architecture = \"ARM64\"\n  }") + service("LATEST", "")},
		{name: "EC2 with a platform version", src: `
resource "aws_ecs_service" "app" {
  launch_type      = "EC2"
  platform_version = "1.4.0"
}`, want: []string{`4:22: platform_version only applies to Fargate, and this service runs on EC2`}},
		{name: "a version that does not exist", src: task("") + service("1.2.0", ""),
			want: []string{`11:22: platform_version "1.2.0" does not exist for Linux Fargate tasks: use LATEST or 1.4.0 or 1.3.0`}},
		{name: "a Linux version on Windows", src: task(`  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2019_CORE"
  }`) + service("1.4.0", ""),
			want: []string{`13:22: platform_version "1.4.0" does not exist for Windows Fargate tasks`}},
		{name: "1.3.0 with ECS Exec", src: task("") + service("1.3.0", "  enable_execute_command = true"),
			want: []string{`11:22: platform_version 1.3.0 cannot run this service because it enables ECS Exec`}},
		{name: "1.3.0 with ephemeral storage", src: task(`  ephemeral_storage {
    size_in_gib = 30
  }`) + service("1.3.0", ""),
			want: []string{`13:22: because its task definition sets ephemeral_storage`}},
		{name: "1.3.0 with a Secrets Manager JSON key", src: task(`  container_definitions = jsonencode([{ name = "a", secrets = [{ name = "P", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:password::" }] }])`) + service("1.3.0", ""),
			want: []string{`11:22: container "a" reads a JSON key or version of a Secrets Manager secret`}},
		{name: "silent: 1.3.0 with a whole secret", src: task(`  container_definitions = jsonencode([{ name = "a", secrets = [{ name = "P", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf" }] }])`) + service("1.3.0", "")},
		{name: "silent: LATEST and 1.4.0", src: task("") + service("LATEST", "  enable_execute_command = true")},
		{name: "silent: unknown version", src: `
resource "aws_ecs_service" "app" {
  launch_type      = "EC2"
  platform_version = var.platform_version
}`},
	})
}
