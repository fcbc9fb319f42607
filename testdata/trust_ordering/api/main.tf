# A service module with its own target group and listener rule.
variable "listener_arn" {
  type = string
}

resource "aws_lb_target_group" "this" {
  name        = "api"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-1"
}

resource "aws_lb_listener_rule" "this" {
  listener_arn = var.listener_arn
  condition {
    path_pattern {
      values = ["/api/*"]
    }
  }
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this.arn
  }
}

resource "aws_ecs_service" "this" {
  name            = "api"
  cluster         = "c"
  task_definition = "api:1"
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = ["sg-1"]
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.this.arn
    container_name   = "api"
    container_port   = 8080
  }
}
