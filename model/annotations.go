package model

import (
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/fargate-lint/tflint-ruleset-fargate/ignore"
)

// tflint honours `# tflint-ignore: rule` comments in the files of the module it checks.
// A finding the plugin reports from the root's run in a called module's file is beyond
// tflint's reach, so the plugin honours those comments there itself, as tflint would: a
// comment on the finding's first line or the line above it, or `tflint-ignore-file` at
// the top of the file.

// Ignored reports whether an ignore comment silences rule's finding at rng, in a file
// tflint does not read the comments of (one outside the root module).
func (c *Config) Ignored(rule string, rng hcl.Range) bool {
	if c.isRootFile(rng.Filename) {
		return false
	}
	file := c.files[rng.Filename]
	if file == nil {
		return false
	}
	comments, done := c.annotations[rng.Filename]
	if !done {
		comments, _ = ignore.Comments(rng.Filename, file.Bytes)
		c.annotations[rng.Filename] = comments
	}
	for _, comment := range comments {
		if comment.Covers(rule, rng.Start.Line) {
			return true
		}
	}
	return false
}

// isRootFile reports whether a file is one of the root module's that tflint reads (its
// .tf and .tf.json files), whose ignore comments it honours and which it can fix.
func (c *Config) isRootFile(name string) bool {
	return filepath.Dir(name) == filepath.Clean(c.rootDir) && !isTofuFile(name) && !c.replaced[name]
}

// UserRange returns where the user fixes what rng points at: rng itself, unless it lies
// in a module installed under .terraform, whose files are not the user's; then the module
// call in the user's code that leads there.
func (c *Config) UserRange(rng hcl.Range) hcl.Range {
	if !underDotTerraform(rng.Filename) {
		return rng
	}
	dir := filepath.Dir(rng.Filename)
	best := ""
	for d := range c.userCalls {
		if (dir == d || strings.HasPrefix(dir, d+string(filepath.Separator))) && len(d) > len(best) {
			best = d
		}
	}
	if best == "" {
		return rng
	}
	return c.userCalls[best]
}

// ModuleInstancesIn returns the addresses of the instances of a called module, written
// in the user's code, whose files lie in the folder of filename (module.svc["a"], ...):
// none for the root module's folder and for modules installed under .terraform.
func (c *Config) ModuleInstancesIn(filename string) []string {
	dir := filepath.Dir(filename)
	var out []string
	for _, mod := range c.modules {
		if mod.path != "" && mod.def.userCode && mod.def.dir == dir {
			out = append(out, mod.path)
		}
	}
	return out
}
