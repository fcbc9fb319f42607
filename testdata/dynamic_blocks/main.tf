variable "lb_enabled" {
  type = bool
}

locals {
  target_groups = { web = aws_lb_target_group.web.arn }
}

resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "web", image = "nginx:1.27", portMappings = [{ containerPort = 80 }] }])

  dynamic "volume" {
    for_each = ["data"]
    content {
      name = volume.value
      efs_volume_configuration {
        file_system_id = "fs-12345678"
        authorization_config {
          iam = "ENABLED"
        }
      }
    }
  }
}

# The load balancer comes from a dynamic block: the target group it names is checked.
resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets = ["subnet-12345678"]
  }

  dynamic "load_balancer" {
    for_each = { web = 80 }
    content {
      target_group_arn = aws_lb_target_group.web.arn
      container_name   = "web"
      container_port   = load_balancer.value
    }
  }
}

resource "aws_lb_target_group" "web" {
  name        = "web"
  port        = 80
  protocol    = "HTTP"
  target_type = "instance"
  vpc_id      = "vpc-12345678"
}

# Silent: network_configuration comes from a dynamic block whose for_each is not known.
resource "aws_ecs_service" "maybe" {
  name            = "maybe"
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "FARGATE"

  dynamic "network_configuration" {
    for_each = var.lb_enabled ? [1] : []
    content {
      subnets = ["subnet-12345678"]
    }
  }
}
