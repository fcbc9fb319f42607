# A shared tflint configuration with the fargate plugin.
config {
  call_module_type = "local"
}

plugin "terraform" {
  enabled = true
  preset  = "recommended"
}

plugin "aws" {
  enabled = true
  version = "0.40.0"
  source  = "github.com/terraform-linters/tflint-ruleset-aws"
}

# The fargate plugin as released: `tflint --init` downloads it.
plugin "fargate" {
  enabled = true
  version = "0.1.0"
  source  = "github.com/fargate-lint/tflint-ruleset-fargate"
  preset  = "recommended"
}

# Without network access to the releases, build the plugin from its source with
# `make install` (which copies it into ~/.tflint.d/plugins) and declare it without
# `version` and `source`, in place of the block above:
#
# plugin "fargate" {
#   enabled = true
#   preset  = "recommended"
# }
