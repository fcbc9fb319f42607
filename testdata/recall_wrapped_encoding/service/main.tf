# A service-task module that wraps the encoded container it is given into a list.
variable "container_definition_json" {
  type = string
}

resource "aws_ecs_task_definition" "this" {
  family                   = "svc"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = "[${var.container_definition_json}]"
}
