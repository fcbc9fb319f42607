# One service per entry of the caller's map; each setting has a default.
variable "services" {
  type = any
}

module "service" {
  source   = "./service"
  for_each = { for name, s in var.services : name => s if s != null }

  name             = each.key
  image            = each.value.image
  create_exec_role = try(each.value.create_exec_role, true)
  exec_role_arn    = lookup(each.value, "exec_role_arn", null)
}
