variable "services" {
  type = any
}
module "svc" {
  source         = "../svc"
  for_each       = var.services
  settings       = jsondecode(module.container[each.key].json)
  load_balancers = try(each.value.load_balancers, [])
}
module "container" {
  source        = "../container"
  for_each      = var.services
  name          = each.key
  image         = each.value.image
  privileged    = lookup(each.value, "privileged", null)
  port_mappings = try(each.value.port_mappings, [])
}
