# A platform module makes one service module instance per entry of the services map the
# caller writes, reading each setting of the entry with a default (try, lookup). A setting
# the service lacks because of what an entry says, or leaves out, is reported on that
# entry: where it is changed or added.
variable "exec_role_arn" {
  type = string
}

locals {
  image = "public.ecr.aws/nginx/nginx:1.27"
}

module "platform" {
  source = "./platform"
  services = {
    # flagged: no execution role is made, and none is given, but the container logs
    # with awslogs
    web = {
      image            = local.image
      create_exec_role = false
    }
    # silent: the platform makes the role
    api = {
      image = local.image
    }
    # silent: a role is given, though its ARN is not known yet
    batch = {
      image            = local.image
      create_exec_role = false
      exec_role_arn    = var.exec_role_arn
    }
  }
}
