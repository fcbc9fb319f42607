// Package project holds the plugin's name, version and documentation links.
package project

import "fmt"

// Name is the plugin name users write in .tflint.hcl.
const Name = "fargate"

// Version is the plugin version.
const Version = "0.1.0"

// MinTFLintVersion is the oldest tflint the plugin supports.
const MinTFLintVersion = ">= 0.50.0"

// ReferenceLink returns the absolute URL of a rule's documentation for this version.
func ReferenceLink(rule string) string {
	return fmt.Sprintf("https://github.com/fargate-lint/tflint-ruleset-fargate/blob/v%s/docs/rules/%s.md", Version, rule)
}
