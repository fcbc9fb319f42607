config {
  call_module_type = "local"
}

plugin "terraform" {
  enabled = false
}

plugin "fargate" {
  enabled = true
}
