# A setting missing from an entry of the map a module makes its resources from is
# reported on that entry, where it is added.
module "endpoints" {
  source = "./endpoints"
  vpc_id = "vpc-12345678"
  endpoints = {
    ecr_dkr = { service = "ecr.dkr", subnet_ids = ["subnet-12345678"] }
    logs    = { service = "logs" } # flagged: no subnet_ids
  }
}
