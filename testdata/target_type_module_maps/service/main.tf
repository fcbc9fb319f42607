variable "name" {
  type = string
}

variable "port" {
  type = number
}

variable "launch_type" {
  type = string
}

variable "network_mode" {
  type = string
}

variable "blue_green" {
  type = bool
}

variable "load_balancers" {
  type = any
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = [var.launch_type]
  network_mode             = var.network_mode
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name         = "app"
    image        = "public.ecr.aws/nginx/nginx:1.27"
    essential    = true
    portMappings = [{ containerPort = var.port }]
  }])
}

resource "aws_ecs_service" "this" {
  name            = var.name
  cluster         = "main"
  task_definition = aws_ecs_task_definition.this.arn
  launch_type     = var.launch_type
  desired_count   = 1

  dynamic "network_configuration" {
    for_each = var.network_mode == "awsvpc" ? [1] : []
    content {
      subnets         = ["subnet-12345678"]
      security_groups = ["sg-12345678"]
    }
  }

  deployment_configuration {
    strategy = var.blue_green ? "BLUE_GREEN" : "ROLLING"
  }

  dynamic "load_balancer" {
    for_each = var.load_balancers
    content {
      target_group_arn = load_balancer.value.group
      container_name   = "app"
      container_port   = var.port

      dynamic "advanced_configuration" {
        for_each = contains(keys(load_balancer.value), "next_group") ? [load_balancer.value] : []
        content {
          alternate_target_group_arn = advanced_configuration.value.next_group
          production_listener_rule   = advanced_configuration.value.rule
          role_arn                   = "arn:aws:iam::123456789012:role/ecs-blue-green"
        }
      }
    }
  }
}
