variable "network_mode" {
  type = string
}

variable "host_port" {
  type = number
}

resource "aws_ecs_task_definition" "this" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = var.network_mode
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name         = "api"
    image        = "nginx:1.27"
    portMappings = [{ containerPort = 80, hostPort = var.host_port }]
  }])
}
