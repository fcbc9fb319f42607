# A Fargate task and service whose settings all come from the caller.
variable "name" {
  type = string
}

variable "cpu" {
  type    = number
  default = 256
}

variable "memory" {
  type    = number
  default = 512
}

variable "execution_role_arn" {
  type    = string
  default = null
}

variable "platform_version" {
  type    = string
  default = "LATEST"
}

variable "containers" {
  type = list(object({
    name       = string
    image      = string
    privileged = optional(bool)
    log_driver = optional(string, "awslogs")
  }))
}

locals {
  definitions = [for c in var.containers : {
    name       = c.name
    image      = c.image
    privileged = c.privileged
    logConfiguration = {
      logDriver = c.log_driver
      options = {
        awslogs-group         = "/ecs/${var.name}"
        awslogs-region        = "eu-west-1"
        awslogs-stream-prefix = c.name
      }
    }
  }]
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = var.execution_role_arn
  container_definitions    = jsonencode(local.definitions)
}

resource "aws_ecs_service" "this" {
  name             = var.name
  cluster          = "main"
  task_definition  = aws_ecs_task_definition.this.arn
  launch_type      = "FARGATE"
  platform_version = var.platform_version

  network_configuration {
    subnets         = ["subnet-12345678"]
    security_groups = ["sg-12345678"]
  }
}
