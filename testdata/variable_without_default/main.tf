# Silent: values that are not known produce no finding.
variable "network_mode" {
  type = string
}

variable "containers" {
  type = string
}

variable "host_port" {
  type = number
}

variable "secret_image" {
  type      = string
  default   = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"
  sensitive = true
}

resource "aws_ecs_task_definition" "unknown_mode" {
  family                   = "unknown-mode"
  requires_compatibilities = ["FARGATE"]
  network_mode             = var.network_mode
  cpu                      = 256
  memory                   = 512
  container_definitions    = var.containers
}

resource "aws_ecs_task_definition" "unknown_port" {
  family                   = "unknown-port"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name         = "app"
    image        = var.secret_image
    portMappings = [{ containerPort = 80, hostPort = var.host_port }]
  }])
}
