variable "host_port" {
  type = number
}

resource "aws_ecs_task_definition" "this" {
  family                   = "task"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx:1.27"
    portMappings = [{ containerPort = 80, hostPort = var.host_port }]
  }])
}

# Silent: the comment above the attribute ignores the finding in this file.
resource "aws_ecs_task_definition" "bridge" {
  family                   = "bridge"
  requires_compatibilities = ["FARGATE"]
  # tflint-ignore: fargate_task_network_mode
  network_mode          = "bridge"
  cpu                   = 256
  memory                = 512
  container_definitions = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

# Reported in this file: a value the module itself writes.
resource "aws_ecs_task_definition" "pid" {
  family                   = "pid"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  pid_mode                 = "host"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}
