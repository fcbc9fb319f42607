# A service module in the style of the community ones: it writes the service's network
# configuration only when its caller says the tasks use awsvpc.
variable "name" {
  type = string
}

variable "task_definition_arn" {
  type = string
}

variable "network_mode" {
  type    = string
  default = "awsvpc"
}

resource "aws_ecs_service" "this" {
  name            = var.name
  cluster         = "default"
  task_definition = var.task_definition_arn
  launch_type     = "FARGATE"

  dynamic "network_configuration" {
    for_each = var.network_mode == "awsvpc" ? [var.name] : []
    content {
      subnets         = ["subnet-12345678"]
      security_groups = ["sg-12345678"]
    }
  }
}
