# Services come from a platform module that calls a service module once per entry of its
# apps map; their target groups come from the groups map of a load balancer module written
# after the platform. A wrong target_type is reported on the groups entry that sets it,
# though the target group's ARN reaches the service through three modules.

variable "worker_target_type" {
  type = string
}

variable "batch_network_mode" {
  type = string
}

variable "legacy_group_arn" {
  type = string
}

variable "extra_names" {
  type = list(string)
}

module "platform" {
  source = "./platform"
  apps = {
    # Blue/green: ECS registers the tasks in both target groups.
    web = {
      port       = 8080
      blue_green = true
      load_balancers = {
        main = {
          group      = module.lb.groups["web"].arn
          next_group = module.lb.groups["web_next"].arn
          rule       = module.lb.rules["web"].arn
        }
      }
    }
    # Blue/green without the alternate: the fix is in this load balancer entry.
    canary = {
      port           = 8086
      blue_green     = true
      load_balancers = {
        main = { group = module.lb.groups["canary"].arn, container = "app" } # flagged
      }
    }
    api = {
      port           = 8081
      load_balancers = { main = { group = module.lb.groups["api"].arn } }
    }
    # Silent: the target type is a variable without a value.
    worker = {
      port           = 8082
      load_balancers = { main = { group = module.lb.groups["worker"].arn } }
    }
    # Silent: on EC2, the tasks' network mode is a variable without a value.
    batch = {
      port           = 8083
      launch_type    = "EC2"
      network_mode   = var.batch_network_mode
      load_balancers = { main = { group = module.lb.groups["batch"].arn } }
    }
    # Silent: the target group is not one of the configuration's.
    legacy = {
      port           = 8084
      load_balancers = { main = { group = var.legacy_group_arn } }
    }
  }
}

# Silent: which services this call creates is not known.
module "extra" {
  source = "./platform"
  apps = { for name in var.extra_names : name => {
    port           = 8085
    load_balancers = { main = { group = module.lb.groups["spare"].arn } }
  } }
}

module "lb" {
  source = "./lb"
  groups = {
    web      = { port = 8080, target_type = "instance" } # flagged
    web_next = { port = 8080, target_type = "instance" } # flagged: the alternate target group
    api      = { port = 8081, target_type = "ip" }
    worker   = { port = 8082, target_type = var.worker_target_type }
    batch    = { port = 8083, target_type = "instance" }
    spare    = { port = 8085, target_type = "instance" }
    canary   = { port = 8086, target_type = "ip" }
  }
  rules = {
    web    = { priority = 10, path = "/web/*", weights = { web = 100, web_next = 0 } }
    api    = { priority = 20, path = "/api/*", weights = { api = 100 } }
    worker = { priority = 30, path = "/worker/*", weights = { worker = 100 } }
    batch  = { priority = 40, path = "/batch/*", weights = { batch = 100 } }
    spare  = { priority = 50, path = "/spare/*", weights = { spare = 100 } }
    canary = { priority = 60, path = "/canary/*", weights = { canary = 100 } }
  }
}
