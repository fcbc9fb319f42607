# A container module from the registry turns its arguments into one container
# definition (jsonencode of the settings that are not null) and hands the JSON text on;
# a local service module puts that text in its task definition, as it is or wrapped
# with other containers' texts into a list. Every container setting that cannot run on
# Fargate is reported on the argument of the container module that wrote it.
variable "privileged" {
  type = bool
}

module "web" {
  source     = "acme/container/aws"
  version    = "1.0.0"
  name       = "web"
  image      = "public.ecr.aws/nginx/nginx:1.27"
  links      = ["cache"] # flagged
  privileged = true      # flagged
}

module "svc_web" {
  source      = "./service"
  name        = "web"
  definitions = module.web.json_list
}

# Two containers joined into one list: only the second has a mistake.
module "worker" {
  source     = "acme/container/aws"
  version    = "1.0.0"
  name       = "worker"
  image      = "public.ecr.aws/docker/library/busybox:1.36"
  port       = 8080
  privileged = false
}

module "api" {
  source  = "acme/container/aws"
  version = "1.0.0"
  name    = "api"
  image   = "public.ecr.aws/docker/library/busybox:1.36"
  links   = ["worker"] # flagged
}

module "svc_pair" {
  source      = "./service"
  name        = "pair"
  definitions = "[${module.worker.json},${module.api.json}]"
}

# A setting with no value yet: nothing is known of the document, nothing is reported.
module "batch" {
  source     = "acme/container/aws"
  version    = "1.0.0"
  name       = "batch"
  image      = "public.ecr.aws/docker/library/busybox:1.36"
  privileged = var.privileged
}

module "svc_batch" {
  source      = "./service"
  name        = "batch"
  definitions = module.batch.json_list
}

# The definition decoded back into an object, encoded again with another container in
# a task definition written here.
module "proxy" {
  source     = "acme/container/aws"
  version    = "1.0.0"
  name       = "proxy"
  image      = "public.ecr.aws/nginx/nginx:1.27"
  privileged = true # flagged
}

resource "aws_ecs_task_definition" "proxy" {
  family                   = "proxy"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([
    module.proxy.object,
    module.worker.object,
  ])
}

# An encoding put into a text that is not known yet: the document is not known, nothing
# is reported.
variable "template" {
  type = string
}

locals {
  command = ["nginx", "-g", "daemon off;"]
}

resource "aws_ecs_task_definition" "templated" {
  family                   = "templated"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = replace(var.template, "$${command}", jsonencode(local.command))
}
