# A platform module that creates one service per entry of its caller's map.
variable "services" {
  type = any
}

module "service" {
  source   = "../legacy"
  for_each = var.services
  name     = each.key
  rules    = lookup(each.value, "rules", {})
}
