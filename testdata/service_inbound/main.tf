# The VPC's default security group only admits its own members: a service that takes
# traffic needs groups of its own; a worker that only calls out does not.
resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27", portMappings = [{ containerPort = 80 }] }])
}

resource "aws_lb_target_group" "app" {
  name        = "app"
  port        = 80
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-12345678"
}

resource "aws_lb_listener" "app" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/main/1"
  port              = 80

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

# Flagged: behind a load balancer, in the default security group.
resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  depends_on      = [aws_lb_listener.app]

  network_configuration {
    subnets = ["subnet-12345678"]
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 80
  }
}

# Silent: a worker takes no inbound traffic.
resource "aws_ecs_service" "worker" {
  name            = "worker"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets = ["subnet-12345678"]
  }
}

# An awsvpc task definition without requires_compatibilities, run on Fargate: warned.
resource "aws_ecs_task_definition" "untyped" {
  family                = "untyped"
  network_mode          = "awsvpc"
  cpu                   = 256
  memory                = 512
  container_definitions = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_service" "untyped" {
  name            = "untyped"
  task_definition = aws_ecs_task_definition.untyped.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = ["subnet-12345678"]
    security_groups = ["sg-12345678"]
  }
}
