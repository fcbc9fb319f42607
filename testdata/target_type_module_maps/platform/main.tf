# One service per entry of apps; what an entry leaves out takes a default here.
variable "apps" {
  type = any
}

module "service" {
  source   = "../service"
  for_each = var.apps

  name           = each.key
  port           = each.value.port
  launch_type    = lookup(each.value, "launch_type", "FARGATE")
  network_mode   = lookup(each.value, "network_mode", "awsvpc")
  blue_green     = try(each.value.blue_green, false)
  load_balancers = try(each.value.load_balancers, {})
}
