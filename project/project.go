// Package project holds the plugin's name, version and documentation links.
package project

import (
	"fmt"
	"strings"
)

// Name is the plugin name users write in .tflint.hcl.
const Name = "fargate"

// Version is the plugin version tflint shows, and the source of truth for releases: the
// release workflow refuses a v* tag that differs from the value written here. goreleaser
// sets it with -ldflags -X from its own version, which is this value for a release and
// "<last tag>-SNAPSHOT-<commit>" for a snapshot build. It stays a var for -X to reach it.
var Version = "0.1.0"

// MinTFLintVersion is the oldest tflint the plugin supports.
const MinTFLintVersion = ">= 0.50.0"

// ReferenceLink returns the absolute URL of a rule's documentation for this version: the
// docs of the release tag, or of main for a snapshot build, whose version names no tag.
func ReferenceLink(rule string) string {
	return fmt.Sprintf("https://github.com/fargate-lint/tflint-ruleset-fargate/blob/%s/docs/rules/%s.md", docsRef(Version), rule)
}

// docsRef returns the git ref whose docs describe the given version.
func docsRef(version string) string {
	if isSnapshot(version) {
		return "main"
	}
	return "v" + version
}

// isSnapshot reports whether a version is that of a snapshot build (goreleaser
// --snapshot), which no release tag names.
func isSnapshot(version string) bool {
	return strings.Contains(version, "-SNAPSHOT")
}
