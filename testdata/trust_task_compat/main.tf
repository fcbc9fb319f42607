# ECS computes a task definition's compatibilities when it is registered: an awsvpc task
# definition with a Fargate size runs on Fargate without requires_compatibilities.
resource "aws_ecs_task_definition" "ok" {
  family             = "ok"
  network_mode       = "awsvpc"
  cpu                = 256
  memory             = 512
  execution_role_arn = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([{
    name      = "app"
    image     = "nginx:1.27"
    essential = true
  }])
}

resource "aws_ecs_service" "ok" {
  name            = "ok"
  cluster         = "default"
  task_definition = aws_ecs_task_definition.ok.arn # silent
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-12345678"]
    security_groups = ["sg-12345678"]
  }
}

# What AWS refuses is reported with its reason, where the fix goes: no task-level size.
resource "aws_ecs_task_definition" "unsized" {
  family             = "unsized"
  network_mode       = "awsvpc"
  execution_role_arn = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([{
    name      = "app"
    image     = "nginx:1.27"
    essential = true
    cpu       = 256
    memory    = 512
  }])
}

resource "aws_ecs_service" "unsized" {
  name            = "unsized"
  cluster         = "default"
  task_definition = aws_ecs_task_definition.unsized.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-12345678"]
    security_groups = ["sg-12345678"]
  }
}
