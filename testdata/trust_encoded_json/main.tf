# Container definitions assembled as text around containers encoded one by one, with a
# part of each not known (an image from a data source). The text is an array of
# containers: no finding says otherwise.
data "aws_ssm_parameter" "image" {
  name = "/app/image"
}

locals {
  app     = { name = "app", image = nonsensitive(data.aws_ssm_parameter.image.value), essential = true }
  sidecar = { name = "sidecar", image = nonsensitive(data.aws_ssm_parameter.image.value), essential = false }
  encoded = [jsonencode(local.app), jsonencode(local.sidecar)]
}

resource "aws_ecs_task_definition" "joined" {
  family                   = "joined"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = "[${join(",", local.encoded)}]"
}

resource "aws_ecs_task_definition" "formatted" {
  family                   = "formatted"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = format("[%s]", jsonencode(local.app))
}

# The encoding itself, passed through a local, is still read: privileged is flagged.
locals {
  encoded_list = jsonencode([merge(local.app, { privileged = true })])
}

resource "aws_ecs_task_definition" "whole" {
  family                   = "whole"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = local.encoded_list
}
