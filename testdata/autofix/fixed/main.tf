# Every fixable finding: tflint --fix rewrites them, and the result lints clean.
resource "aws_ecs_task_definition" "app" {
  network_mode             = "awsvpc"
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27", portMappings = [{ containerPort = 80, hostPort = 80 }] }])
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "worker", image = "busybox:1.36" }])
}

resource "aws_lb_target_group" "app" {
  target_type = "ip"
  name        = "app"
  port        = 80
  protocol    = "HTTP"
  vpc_id      = "vpc-12345678"
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/main/1"
  port              = 80

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = ["subnet-12345678"]
    security_groups = ["sg-12345678"]
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 80
  }

  depends_on = [aws_lb_listener.http]
}

resource "aws_vpc_endpoint" "logs" {
  private_dns_enabled = true
  vpc_endpoint_type   = "Interface"
  vpc_id              = "vpc-12345678"
  service_name        = "com.amazonaws.eu-west-1.logs"
  subnet_ids          = ["subnet-12345678"]
  security_group_ids  = ["sg-12345678"]
}

resource "aws_vpc_endpoint" "ecr_dkr" {
  vpc_id              = "vpc-12345678"
  service_name        = "com.amazonaws.eu-west-1.ecr.dkr"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = ["subnet-12345678"]
  security_group_ids  = ["sg-12345678"]
}
