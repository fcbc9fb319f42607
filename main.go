// Command tflint-ruleset-fargate is a tflint plugin that reports Amazon ECS and Fargate
// networking mistakes in Terraform code. Started by a person rather than by tflint, it
// lints on its own, with tflint's command line (package standalone).
package main

import (
	"os"
	"runtime/debug"

	"github.com/terraform-linters/tflint-plugin-sdk/plugin"

	"github.com/fargate-lint/tflint-ruleset-fargate/rules"
	"github.com/fargate-lint/tflint-ruleset-fargate/ruleset"
	"github.com/fargate-lint/tflint-ruleset-fargate/standalone"
)

// pluginCookie is the environment variable tflint sets when it starts a plugin: the
// magic cookie of go-plugin's handshake, as the SDK's plugin.Serve expects it
// (tflint-plugin-sdk plugin/internal/host2plugin). Its presence means tflint is the
// caller.
const pluginCookie = "TFLINT_RULESET_PLUGIN"

func main() {
	// The binary lives for one run and reads every file of a module at once:
	// collecting garbage less often is cheaper than collecting it often.
	debug.SetGCPercent(400)
	if _, underTFLint := os.LookupEnv(pluginCookie); underTFLint {
		plugin.Serve(&plugin.ServeOpts{RuleSet: ruleset.New(rules.All())})
		return
	}
	os.Exit(standalone.Run(os.Args[1:], os.Stdout, os.Stderr))
}
