resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  # tflint-ignore: fargate_task_network_mode
  network_mode          = "bridge"
  cpu                   = 256
  memory                = 512
  container_definitions = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_task_definition" "other" {
  family                   = "other"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "host"
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}
