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

plugin "fargate" {
  enabled = true
  version = "0.1.0"
  source  = "github.com/fargate-lint/tflint-ruleset-fargate"
  preset  = "recommended"
}
