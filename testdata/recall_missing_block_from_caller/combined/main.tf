# A module whose one network_mode variable gives the task definition its mode and decides
# whether the service gets a network configuration and a service role.
variable "network_mode" {
  type    = string
  default = "awsvpc"
}

locals {
  needs_role = var.network_mode != "awsvpc"
}

resource "aws_ecs_task_definition" "this" {
  family                   = "combined"
  requires_compatibilities = ["FARGATE"]
  network_mode             = var.network_mode
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([{
    name      = "app"
    image     = "nginx:1.27"
    essential = true
  }])
}

resource "aws_ecs_service" "this" {
  name            = "combined"
  cluster         = "default"
  task_definition = aws_ecs_task_definition.this.arn
  launch_type     = "FARGATE"
  iam_role        = local.needs_role ? "arn:aws:iam::123456789012:role/ecs-service" : null

  dynamic "network_configuration" {
    for_each = var.network_mode == "awsvpc" ? [1] : []
    content {
      subnets         = ["subnet-12345678"]
      security_groups = ["sg-12345678"]
    }
  }
}
