# Containers built with jsonencode from locals: findings land on the key or value.
locals {
  app_port = 8080
  region   = "eu-west-1"

  log_options = {
    "awslogs-group"  = "/ecs/app"
    "awslogs-region" = local.region
  }

  containers = [
    {
      name      = "app"
      image     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2"
      essential = true
      portMappings = [
        { containerPort = local.app_port, hostPort = 80 },
        { containerPort = 9090 },
      ]
      links     = ["sidecar"]
      hostname  = "app"
      privileged = true
      logConfiguration = {
        logDriver = "awslogs"
        options   = local.log_options
      }
      linuxParameters = {
        capabilities = { add = ["SYS_PTRACE", "NET_ADMIN"] }
        sharedMemorySize = 512
      }
    },
    {
      name  = "sidecar"
      image = "public.ecr.aws/nginx/nginx:1.27"
      portMappings = [{ containerPort = 9090, protocol = "tcp" }]
      logConfiguration = {
        logDriver = "json-file"
      }
    },
  ]
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 512
  ipc_mode                 = "host"
  container_definitions    = jsonencode(local.containers)
}

# Silent: the same containers on an EC2 bridge task are valid there.
resource "aws_ecs_task_definition" "ec2" {
  family                = "ec2"
  execution_role_arn    = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([{ name = "web", image = "nginx", portMappings = [{ containerPort = 80, hostPort = 8080 }] }])
}
