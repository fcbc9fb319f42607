resource "aws_ecs_task_definition" "awsvpc" {
  family                   = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27", portMappings = [{ containerPort = 80 }] }])
}

resource "aws_ecs_task_definition" "bridge" {
  family                = "bridge"
  network_mode          = "bridge"
  memory                = 512
  container_definitions = jsonencode([{ name = "app", image = "nginx:1.27", portMappings = [{ containerPort = 80 }] }])
}

# Flagged: awsvpc without network_configuration; the target group defaults to instance.
resource "aws_ecs_service" "no_network" {
  name            = "no-network"
  cluster         = "main"
  task_definition = aws_ecs_task_definition.awsvpc.arn
  launch_type     = "FARGATE"

  load_balancer {
    target_group_arn = aws_lb_target_group.default_type[0].arn
    container_name   = "app"
    container_port   = 80
  }

  depends_on = [aws_lb_listener.http]
}

# Flagged: network_configuration on a bridge task; ip target group for bridge tasks.
resource "aws_ecs_service" "bridge" {
  name            = "bridge"
  cluster         = "main"
  task_definition = "${aws_ecs_task_definition.bridge.family}:${aws_ecs_task_definition.bridge.revision}"

  network_configuration {
    subnets = ["subnet-12345678"]
  }

  load_balancer {
    target_group_arn = aws_alb_target_group.ip.arn
    container_name   = "app"
    container_port   = 80
  }

  depends_on = [aws_lb_listener_rule.ip]
}

# Silent: the task definition comes from a data source, so it is not resolved.
data "aws_ecs_task_definition" "external" {
  task_definition = "external"
}

resource "aws_ecs_service" "external" {
  name            = "external"
  cluster         = "main"
  task_definition = data.aws_ecs_task_definition.external.arn

  load_balancer {
    target_group_arn = aws_lb_target_group.default_type[0].arn
    container_name   = "app"
    container_port   = 80
  }

  depends_on = [aws_lb_listener.http]
}

resource "aws_lb_target_group" "default_type" {
  count    = 1
  name     = "default-type"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-12345678"
}

resource "aws_alb_target_group" "ip" {
  name        = "ip"
  port        = 80
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-12345678"
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/main/1"
  port              = 80

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.default_type[0].arn
  }
}

resource "aws_lb_listener_rule" "ip" {
  listener_arn = aws_lb_listener.http.arn

  action {
    type = "forward"
    forward {
      target_group {
        arn = aws_alb_target_group.ip.arn
      }
    }
  }

  condition {
    path_pattern {
      values = ["/bridge/*"]
    }
  }
}
