# A Fargate task definition whose execution role the module makes, unless told not to;
# then the caller may give one.
variable "name" {
  type = string
}

variable "image" {
  type = string
}

variable "create_exec_role" {
  type = bool
}

variable "exec_role_arn" {
  type    = string
  default = null
}

resource "aws_iam_role" "exec" {
  count = var.create_exec_role ? 1 : 0
  name  = "${var.name}-exec"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
    }]
  })
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = try(aws_iam_role.exec[0].arn, var.exec_role_arn)
  container_definitions = jsonencode([{
    name      = var.name
    image     = var.image
    essential = true
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = "/ecs/${var.name}"
        "awslogs-region"        = "eu-west-1"
        "awslogs-stream-prefix" = var.name
      }
    }
  }])
}
