module "svc" {
  source = "../m"
}
