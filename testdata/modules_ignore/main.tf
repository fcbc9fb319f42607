# Ignore comments where findings land: on the caller's line (read by tflint) and in a
# called module's file (read by the plugin, since tflint only reads the root's).
module "ignored" {
  source = "./modules/task"
  # tflint-ignore: fargate_awsvpc_host_port
  host_port = 9090
}

module "reported" {
  source    = "./modules/task"
  host_port = 9091
}
