variable "launch_type" {
  type = string
}

variable "public_ip" {
  type = bool
}

variable "target_type" {
  type = string
}

resource "aws_ecs_task_definition" "this" {
  family                   = "web"
  requires_compatibilities = ["FARGATE", "EC2"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "web", image = "nginx:1.27", portMappings = [{ containerPort = 80 }] }])
}

resource "aws_lb_target_group" "this" {
  name        = "web"
  port        = 80
  protocol    = "HTTP"
  target_type = var.target_type
  vpc_id      = "vpc-12345678"
}

resource "aws_ecs_service" "this" {
  name            = "web"
  task_definition = aws_ecs_task_definition.this.arn
  launch_type     = var.launch_type

  network_configuration {
    subnets          = ["subnet-12345678"]
    security_groups  = ["sg-12345678"]
    assign_public_ip = var.public_ip
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.this.arn
    container_name   = "web"
    container_port   = 80
  }
}
