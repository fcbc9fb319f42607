# A service module with three mistakes written in the module itself (no listener
# forwards to its target group either).
resource "aws_ecs_task_definition" "this" {
  family                   = "svc"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx:1.27"
    essential    = true
    portMappings = [{ containerPort = 8080 }]
  }])
}

resource "aws_lb_target_group" "this" {
  name        = "svc"
  port        = 8080
  protocol    = "HTTP"
  target_type = "instance" # mistake
  vpc_id      = "vpc-12345678"
}

resource "aws_ecs_service" "this" {
  name            = "svc"
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
    container_port   = 80 # mistake: the container maps 8080
  }
}
