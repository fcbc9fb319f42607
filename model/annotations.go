package model

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// tflint honours `# tflint-ignore: rule` comments in the files of the module it checks.
// A finding the plugin reports from the root's run in a called module's file is beyond
// tflint's reach, so the plugin honours those comments there itself, as tflint would: a
// comment on the finding's first line or the line above it, or `tflint-ignore-file` at
// the top of the file.

var (
	ignoreLine = regexp.MustCompile(`tflint-ignore: ([^\n*/#]+)`)
	ignoreFile = regexp.MustCompile(`tflint-ignore-file: ([^\n*/#]+)`)
)

// annotation is one ignore comment: the rules it names, and the line it is on (0 for
// the whole file).
type annotation struct {
	rules []string
	line  int
}

// annotationsOf reads the ignore comments of a native-syntax file.
func annotationsOf(file *hcl.File) []annotation {
	if file == nil || strings.HasSuffix(file.Body.MissingItemRange().Filename, ".json") {
		return nil
	}
	tokens, _ := hclsyntax.LexConfig(file.Bytes, file.Body.MissingItemRange().Filename, hcl.InitialPos)
	var out []annotation
	for _, tok := range tokens {
		if tok.Type != hclsyntax.TokenComment {
			continue
		}
		if m := ignoreFile.FindSubmatch(tok.Bytes); m != nil && tok.Range.Start.Line == 1 {
			out = append(out, annotation{rules: splitRules(string(m[1]))})
			continue
		}
		if m := ignoreLine.FindSubmatch(tok.Bytes); m != nil {
			out = append(out, annotation{rules: splitRules(string(m[1])), line: tok.Range.Start.Line})
		}
	}
	return out
}

func splitRules(s string) []string {
	var out []string
	for _, r := range strings.Split(s, ",") {
		out = append(out, strings.TrimSpace(r))
	}
	return out
}

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
	if _, done := c.annotations[rng.Filename]; !done {
		c.annotations[rng.Filename] = annotationsOf(file)
	}
	for _, a := range c.annotations[rng.Filename] {
		if !slices.Contains(a.rules, rule) && !slices.Contains(a.rules, "all") {
			continue
		}
		if a.line == 0 || a.line == rng.Start.Line || a.line == rng.Start.Line-1 {
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
