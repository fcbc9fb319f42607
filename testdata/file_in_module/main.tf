# A called module reads its containers with templatefile("${path.module}/..."): the file is
# found whatever folder tflint starts in, and the finding lands on the caller's argument.
module "svc" {
  source    = "./modules/svc"
  host_port = 8080
}
