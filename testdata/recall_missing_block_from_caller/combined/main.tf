# A module whose one network_mode variable gives the task definition its mode and decides
# whether the service gets a network configuration.
variable "network_mode" {
  type    = string
  default = "awsvpc"
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

  dynamic "network_configuration" {
    for_each = var.network_mode == "awsvpc" ? [1] : []
    content {
      subnets         = ["subnet-12345678"]
      security_groups = ["sg-12345678"]
    }
  }
}
