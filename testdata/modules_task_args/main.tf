# Task and service settings passed into a module, one planted mistake per argument, each
# reported on the line written here; the "good" call uses the same module and is silent.
module "good" {
  source             = "./modules/task"
  name               = "good"
  execution_role_arn = "arn:aws:iam::123456789012:role/exec"
  containers = [{
    name  = "app"
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1"
  }]
}

module "size" {
  source             = "./modules/task"
  name               = "size"
  cpu                = 300 # flagged: no Fargate size has 300 CPU units
  execution_role_arn = "arn:aws:iam::123456789012:role/exec"
  containers         = [{ name = "app", image = "nginx:1.27" }]
}

module "privileged" {
  source             = "./modules/task"
  name               = "privileged"
  execution_role_arn = "arn:aws:iam::123456789012:role/exec"
  containers = [{
    name       = "app"
    image      = "nginx:1.27"
    privileged = true # flagged: Fargate rejects privileged containers
  }]
}

module "logs" {
  source             = "./modules/task"
  name               = "logs"
  execution_role_arn = "arn:aws:iam::123456789012:role/exec"
  containers = [{
    name       = "app"
    image      = "nginx:1.27"
    log_driver = "syslog" # flagged: not a Fargate log driver
  }]
}

module "no_role" { # flagged: a private ECR image and awslogs need an execution role
  source = "./modules/task"
  name   = "no-role"
  containers = [{
    name  = "app"
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1"
  }]
}

module "platform" {
  source             = "./modules/task"
  name               = "platform"
  platform_version   = "1.2.0" # flagged: not a Fargate platform version
  execution_role_arn = "arn:aws:iam::123456789012:role/exec"
  containers         = [{ name = "app", image = "nginx:1.27" }]
}
