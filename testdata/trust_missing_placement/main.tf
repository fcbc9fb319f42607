# A finding about something missing lands on the object that misses it, even when the
# root calls a module (here an unrelated one) and a member's value comes from a local.
locals {
  region = "eu-west-1"
}

module "unrelated" {
  source = "./m"
}

resource "aws_ecs_task_definition" "logs" {
  family                   = "logs"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([{
    name      = "app"
    image     = "nginx:1.27"
    essential = true
    logConfiguration = {
      logDriver = "awslogs"
      options = { # flagged here: no awslogs-group, no awslogs-stream-prefix
        "awslogs-region" = local.region
      }
    }
  }])
}

resource "aws_ecs_task_definition" "ignored" {
  family                   = "ignored"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([{
    name      = "app"
    image     = "nginx:1.27"
    essential = true
    logConfiguration = {
      logDriver = "awslogs"
      # tflint-ignore: fargate_log_configuration
      options = {
        "awslogs-region" = local.region
      }
    }
  }])
}
