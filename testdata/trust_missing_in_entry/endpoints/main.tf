# An endpoints module: one endpoint per entry of the caller's map.
variable "vpc_id" {
  type = string
}

variable "endpoints" {
  type = any
}

resource "aws_vpc_endpoint" "this" {
  for_each            = var.endpoints
  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.eu-west-1.${each.value.service}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = lookup(each.value, "subnet_ids", [])
  security_group_ids  = ["sg-12345678"]
}
