# Container definitions written as a list around an encoding whose image is not known:
# the encoded container's known settings are checked, where they were written.
variable "image" {
  type = string
}

locals {
  worker = {
    name       = "worker"
    image      = var.image
    essential  = true
    privileged = true # flagged
  }
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = "[${jsonencode(local.worker)}]"
}

resource "aws_ecs_task_definition" "embedded" {
  family                   = "embedded"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  # silent: the encoding is inside a string, the text is not known
  container_definitions = "[{\"name\": \"x\", \"image\": \"nginx\", \"command\": [\"${jsonencode(local.worker)}\"]}]"
}

data "aws_ssm_parameter" "api_image" {
  name = "/api/image"
}

module "container" {
  source     = "./container"
  name       = "api"
  image      = data.aws_ssm_parameter.api_image.value
  privileged = true # flagged
}

module "service" {
  source                    = "./service"
  container_definition_json = module.container.json_map_encoded
}
