variable "host_port" {
  type = number
}

resource "aws_ecs_task_definition" "this" {
  family                   = "svc"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = templatefile("${path.module}/containers.json.tpl", {
    host_port = var.host_port
  })
}
