# A Fargate task definition made of the container definitions the caller passes as JSON.
variable "name" {
  type = string
}

variable "definitions" {
  type = string
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = var.definitions
}
