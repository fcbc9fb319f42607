# Silent: a resource with count = 0 does not exist.
resource "aws_ecs_task_definition" "disabled" {
  count                    = 0
  family                   = "disabled"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "bridge"
  container_definitions    = jsonencode([{ name = "app", image = "nginx", portMappings = [{ containerPort = 80, hostPort = 8080 }] }])
}

resource "aws_ecs_service" "disabled" {
  count           = 0
  name            = "disabled"
  task_definition = aws_ecs_task_definition.disabled[0].arn
}
