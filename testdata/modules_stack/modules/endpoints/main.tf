# Interface and gateway endpoints from a map; service names come from the data source.
variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "endpoints" {
  type = map(object({
    service             = string
    service_type        = optional(string, "Interface")
    private_dns_enabled = optional(bool, true)
  }))
}

data "aws_vpc_endpoint_service" "this" {
  for_each = var.endpoints

  service = each.value.service
  filter {
    name   = "service-type"
    values = [each.value.service_type]
  }
}

resource "aws_vpc_endpoint" "this" {
  for_each = var.endpoints

  vpc_id              = var.vpc_id
  service_name        = data.aws_vpc_endpoint_service.this[each.key].service_name
  vpc_endpoint_type   = each.value.service_type
  private_dns_enabled = each.value.service_type == "Interface" ? each.value.private_dns_enabled : null
  subnet_ids          = each.value.service_type == "Interface" ? var.subnet_ids : null
  security_group_ids  = each.value.service_type == "Interface" ? var.security_group_ids : null
}
