# A service module that merges defaults into each of the caller's containers and adds a
# sidecar of its own.
variable "containers" {
  type = any
}

locals {
  defaults = {
    essential = true
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = "/ecs/svc"
        "awslogs-region"        = "eu-west-1"
        "awslogs-stream-prefix" = "svc"
      }
    }
  }
  sidecar = {
    name      = "envoy"
    image     = "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.27.3.0-prod"
    essential = false
  }
  containers = concat([for c in var.containers : merge(local.defaults, c)], [local.sidecar])
}

resource "aws_ecs_task_definition" "this" {
  family                   = "svc"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = jsonencode(local.containers)
}
