variable "name" {
  type = string
}

resource "aws_lb_target_group" "this" {
  name        = var.name
  port        = 80
  protocol    = "HTTP"
  target_type = "instance" # flagged once, naming every instance of the module call
  vpc_id      = "vpc-12345678"
}

resource "aws_lb_listener_rule" "this" {
  listener_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/web/1/2"
  condition {
    path_pattern {
      values = ["/${var.name}/*"]
    }
  }
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this.arn
  }
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx:1.27"
    essential    = true
    portMappings = [{ containerPort = 80 }]
  }])
}

resource "aws_ecs_service" "this" {
  name            = var.name
  cluster         = "default"
  task_definition = aws_ecs_task_definition.this.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-12345678"]
    security_groups = ["sg-12345678"]
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.this.arn
    container_name   = "app"
    container_port   = 80
  }
  depends_on = [aws_lb_listener_rule.this]
}
