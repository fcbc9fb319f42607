// Command tflint-ruleset-fargate is a tflint plugin that reports Amazon ECS and Fargate
// networking mistakes in Terraform code.
package main

import (
	"github.com/terraform-linters/tflint-plugin-sdk/plugin"

	"github.com/fargate-lint/tflint-ruleset-fargate/rules"
	"github.com/fargate-lint/tflint-ruleset-fargate/ruleset"
)

func main() {
	plugin.Serve(&plugin.ServeOpts{RuleSet: ruleset.New(rules.All())})
}
