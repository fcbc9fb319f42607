# One container definition, as JSON, from the caller's settings; unset ones are left out.
variable "name" {
  type = string
}

variable "image" {
  type = string
}

variable "port" {
  type    = number
  default = null
}

variable "links" {
  type    = list(string)
  default = null
}

variable "privileged" {
  type    = bool
  default = null
}

locals {
  settings = {
    name         = var.name
    image        = var.image
    essential    = true
    links        = var.links
    privileged   = var.privileged
    portMappings = var.port == null ? null : [{ containerPort = var.port, protocol = "tcp" }]
  }
  set  = { for k, v in local.settings : k => v if v != null }
  json = jsonencode(local.set)
}

output "json" {
  value = local.json
}

output "json_list" {
  value = "[${local.json}]"
}

output "object" {
  value = jsondecode(local.json)
}
