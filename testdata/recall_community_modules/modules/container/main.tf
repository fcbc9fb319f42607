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
variable "port_mappings" {
  type    = list(any)
  default = []
}
locals {
  definition = {
    name         = var.name
    image        = var.image
    essential    = true
    privileged   = var.privileged
    portMappings = var.port_mappings
  }
}
output "json" {
  value = jsonencode({ for k, v in local.definition : k => v if v != null })
}
