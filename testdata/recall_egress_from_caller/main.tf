# The tasks' security group is created in a module from the caller's rule maps: a group
# without egress is fixed in the caller's argument, which is where the finding lands.
variable "private_cidrs" {
  type = set(string)
}

module "lb" {
  source       = "./lb"
  egress_cidrs = var.private_cidrs # unknown: the load balancer's egress rules are not counted
}

module "api" {
  source = "./service"
  name   = "api"
  ingress_rules = {
    http = { port = 8080, cidr = "10.0.0.0/16" }
  }
  egress_rules = {} # flagged: no egress rule
}

module "worker" {
  source = "./service"
  name   = "worker"
  ingress_rules = {
    http = { port = 8080, cidr = "10.0.0.0/16" }
  }
  egress_rules = { # silent: the tasks may reach anything
    all = { cidr = "0.0.0.0/0" }
  }
}

module "batch" { # flagged: egress_rules is left at its default, {}
  source = "./service"
  name   = "batch"
}

module "nogroup" { # silent: the module creates no group, the tasks get none of it
  source                = "./service"
  name                  = "nogroup"
  create_security_group = false
}

locals {
  port = 8080
}

module "platform" {
  source = "./platform"
  services = {
    web = {
      rules = { # flagged: ingress only
        http = { type = "ingress", port = local.port }
      }
    }
    worker = {
      rules = { # silent: HTTPS out
        https = { type = "egress", port = 443 }
      }
    }
  }
}
