# A module folder linted on its own, with its defaults. Its own precondition refuses
# what the defaults describe, so Terraform stops the plan before AWS sees the task
# definition: nothing is reported on it. The same settings without the precondition are.
variable "requires_compatibilities" {
  type    = list(string)
  default = ["EC2", "FARGATE"]
}

variable "privileged" {
  type    = bool
  default = true
}

resource "aws_ecs_task_definition" "guarded" { # silent: the plan stops at the precondition
  family                   = "guarded"
  requires_compatibilities = var.requires_compatibilities
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name       = "proxy"
    image      = "public.ecr.aws/docker/library/nginx:1.27"
    essential  = true
    privileged = var.privileged
  }])

  lifecycle {
    precondition {
      condition     = !(var.privileged && var.requires_compatibilities != ["EC2"])
      error_message = "privileged containers run on EC2 only."
    }
  }
}

resource "aws_ecs_task_definition" "unguarded" {
  family                   = "unguarded"
  requires_compatibilities = var.requires_compatibilities
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name       = "proxy"
    image      = "public.ecr.aws/docker/library/nginx:1.27"
    essential  = true
    privileged = var.privileged # flagged
  }])
}
