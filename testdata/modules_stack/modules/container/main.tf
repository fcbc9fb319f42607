# One container definition, cleaned of unset attributes.
variable "name" {
  type = string
}

variable "image" {
  type = string
}

variable "port_mappings" {
  type = list(object({
    containerPort = number
    hostPort      = optional(number)
    protocol      = optional(string, "tcp")
  }))
  default = []
}

variable "links" {
  type    = list(string)
  default = null
}

variable "log_group" {
  type = string
}

variable "region" {
  type = string
}

locals {
  definition = {
    name         = var.name
    image        = var.image
    essential    = true
    links        = var.links
    portMappings = [for p in var.port_mappings : { for k, v in p : k => v if v != null }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = var.log_group
        awslogs-region        = var.region
        awslogs-stream-prefix = var.name
      }
    }
  }
}

output "definition" {
  value = { for k, v in local.definition : k => v if v != null }
}
