# A container-definition module in the style of the community ones: it encodes one
# container, without the settings left null, for a service module to wrap into a list.
variable "name" {
  type = string
}

variable "image" {
  type = string
}

variable "privileged" {
  type    = bool
  default = null
}

locals {
  settings = {
    name       = var.name
    image      = var.image
    essential  = true
    privileged = var.privileged
  }
}

output "json_map_encoded" {
  value = jsonencode({ for k, v in local.settings : k => v if v != null })
}
