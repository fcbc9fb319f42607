resource "aws_ecs_cluster" "main" {
  name = "private"
}

resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/api-execution"

  container_definitions = jsonencode([{
    name         = "api"
    image        = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:7.0.1"
    essential    = true
    portMappings = [{ containerPort = 8080 }]
    secrets      = [{ name = "TOKEN", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-token" }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = "/ecs/api"
        "awslogs-region"        = "eu-west-1"
        "awslogs-stream-prefix" = "api"
      }
    }
  }])
}

resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.api.arn
  launch_type     = "FARGATE"
  desired_count   = 2

  network_configuration {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.task.id]
  }
}
