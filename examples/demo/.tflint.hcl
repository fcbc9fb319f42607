# The demo's tflint configuration: the fargate plugin with every rule, and tflint's
# bundled terraform rules turned off so only the plugin speaks.
plugin "terraform" {
  enabled = false
}

plugin "fargate" {
  enabled = true
  preset  = "all"
}
