variable "mode" {
  type = string
}

locals {
  groups = [aws_security_group.task.id]
}

# Flagged: this module's group has no egress (the root's group of the same name has).
resource "aws_security_group" "task" {
  vpc_id = "vpc-1"
}

resource "aws_route_table" "private" {
  vpc_id = "vpc-1"
}

# A Gateway endpoint on this module's route table: silent, it names a table of its own.
resource "aws_vpc_endpoint" "s3" {
  vpc_id            = "vpc-1"
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.private.id]
}

# Silent: var.mode is "awsvpc" here, whatever the root's variable of that name says.
resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = var.mode
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

resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = "default"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = [aws_security_group.task.id]
  }
}

resource "aws_ecs_service" "local_groups" {
  name            = "local-groups"
  cluster         = "default"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = local.groups
  }
}
