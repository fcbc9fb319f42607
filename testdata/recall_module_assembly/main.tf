# The mistakes are the caller's, and are reported on the caller's lines, even though the
# image is not known (a variable without a value) and the module assembles the list.
variable "tag" {
  type = string
}

module "svc" {
  source = "./svc"
  containers = [{
    name         = "app"
    image        = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:${var.tag}"
    links        = ["db"]                               # flagged
    portMappings = [{ containerPort = 80, hostPort = 81 }] # flagged: hostPort
  }]
}
