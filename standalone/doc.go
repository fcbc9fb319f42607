// Package standalone runs the fargate rules without tflint: the binary, started by a
// person rather than by tflint, reads tflint's own command line and configuration file,
// lints the Terraform files on disk with the same rule set, and reports in tflint's
// formats with tflint's exit codes, so that `tflint-ruleset-fargate` can stand in for
// `tflint` in a CI job, a pre-commit hook or a Makefile.
//
// The package holds its own implementation of what the rule set needs from tflint: a
// tflint.Runner over parsed files (files.go, runner.go), input variable values
// (variables.go, tfvars.go), ignore comments (annotations.go), text edits for --fix
// (fixer.go), the configuration file (config.go) and the output formats (format_*.go).
// It shares the rule set, the rules and the model with the plugin, so both modes give
// the same findings.
package standalone
