# A task module that creates its execution role unless told not to, as community modules do.
variable "create_role" {
  type    = bool
  default = true
}

variable "role_arn" {
  type    = string
  default = null
}

resource "aws_iam_role" "exec" {
  count = var.create_role ? 1 : 0
  name  = "exec"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
  })
}

resource "aws_ecs_task_definition" "this" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = try(aws_iam_role.exec[0].arn, var.role_arn)
  container_definitions = jsonencode([{
    name      = "app"
    image     = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.0"
    essential = true
  }])
}
