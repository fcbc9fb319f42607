// Command tflint-ruleset-fargate is a tflint plugin that reports Amazon ECS and Fargate
// networking mistakes in Terraform code.
package main

import (
	"runtime/debug"

	"github.com/terraform-linters/tflint-plugin-sdk/plugin"

	"github.com/fargate-lint/tflint-ruleset-fargate/rules"
	"github.com/fargate-lint/tflint-ruleset-fargate/ruleset"
)

func main() {
	// The plugin lives for one tflint run and reads every file of a module at once:
	// collecting garbage less often is cheaper than collecting it often.
	debug.SetGCPercent(400)
	plugin.Serve(&plugin.ServeOpts{RuleSet: ruleset.New(rules.All())})
}
