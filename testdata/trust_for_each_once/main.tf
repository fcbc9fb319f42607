# The same mistake in every instance of a module called with for_each is one finding.
module "svc" {
  source   = "./svc"
  for_each = toset(["cart", "search", "users"])
  name     = each.key
}
