package rules

import "testing"

func TestTaskUnsupported(t *testing.T) {
	testRule(t, NewTaskUnsupportedRule(), []ruleCase{
		{name: "Windows on Fargate: ephemeral storage, EFS, FireLens, ARM64", src: `
resource "aws_ecs_task_definition" "win" {
  requires_compatibilities = ["FARGATE"]
  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2019_FULL"
    cpu_architecture        = "ARM64"
  }
  ephemeral_storage {
    size_in_gib = 50
  }
  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id = "fs-1"
    }
  }
  container_definitions = jsonencode([
    { name = "app", logConfiguration = { logDriver = "awsfirelens" } },
    { name = "router", firelensConfiguration = { type = "fluentbit" } },
  ])
}`, want: []string{
			`8:3: Windows tasks on Fargate do not support ephemeral_storage`,
			`13:5: Windows tasks on Fargate cannot mount EFS volumes`,
			`6:31: cpu_architecture is ARM64, but 64-bit ARM tasks can only run Linux`,
			`18:54: container "app" sends its logs with FireLens (awsfirelens), which Windows containers do not support`,
			`19:24: container "router" is a FireLens log router (firelensConfiguration), which Windows containers do not support`,
		}},
		{name: "silent: Linux on Fargate with the same", src: `
resource "aws_ecs_task_definition" "linux" {
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }
  ephemeral_storage {
    size_in_gib = 200
  }
  container_definitions = jsonencode([
    { name = "app", logConfiguration = { logDriver = "awsfirelens" } },
    { name = "router", firelensConfiguration = { type = "fluentbit" } },
  ])
}`},
		{name: "task parameters", src: fargateTask(`  network_mode = "awsvpc"
  ipc_mode     = "host"
  pid_mode     = "host"
  placement_constraints {
    type = "memberOf"
    expression = "attribute:ecs.availability-zone in [us-east-1a]"
  }`),
			want: []string{
				`8:18: Fargate tasks do not support ipc_mode`,
				`9:18: Fargate tasks do not support pid_mode = "host"`,
				`10:3: Fargate tasks do not support placement_constraints`,
			}},
		{name: "container parameters", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{
    name                  = "a"
    privileged            = true
    dockerSecurityOptions = ["no-new-privileges"]
    linuxParameters = {
      devices      = [{ hostPath = "/dev/fuse" }]
      tmpfs        = [{ containerPath = "/tmp", size = 64 }]
      maxSwap      = 0
      capabilities = { add = ["NET_ADMIN", "SYS_PTRACE"] }
    }
    resourceRequirements = [{ type = "GPU", value = "1" }]
  }])`),
			want: []string{
				`10:5: container "a" sets privileged`,
				`11:5: container "a" sets dockerSecurityOptions`,
				`13:7: container "a" sets linuxParameters.devices`,
				`14:7: container "a" sets linuxParameters.tmpfs`,
				`15:7: container "a" sets linuxParameters.maxSwap`,
				`16:31: container "a" adds the Linux capability NET_ADMIN`,
				`18:29: container "a" requires a GPU`,
			}},
		{name: "Windows reserved port", src: fargateTask(`  network_mode = "awsvpc"
  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2022_CORE"
  }
  container_definitions = jsonencode([{ name = "w", portMappings = [{ containerPort = 3150 }] }])`),
			want: []string{`11:87: container "w" uses containerPort 3150`}},
		{name: "silent on EC2", src: `
resource "aws_ecs_task_definition" "ec2" {
  family   = "ec2"
  ipc_mode = "host"
  container_definitions = jsonencode([{ name = "a", privileged = true }])
}`},
		{name: "silent: pid_mode task, privileged false, SYS_PTRACE", src: fargateTask(`  network_mode = "awsvpc"
  pid_mode     = "task"
  container_definitions = jsonencode([{ name = "a", privileged = false, linuxParameters = { capabilities = { add = ["SYS_PTRACE"] }, initProcessEnabled = true } }])`)},
	})
}
