// Package ignore reads tflint's ignore comments, which the plugin honours itself where
// tflint does not read them (files of called modules, OpenTofu files) and which the
// standalone linter honours everywhere:
//
//	# tflint-ignore: rule_a, rule_b    on the finding's first line or the line above it
//	# tflint-ignore-file: rule_a        first thing in the file: the whole file
//
// "all" stands for every rule. A .tf.json file ignores rules for the whole file with a
// top-level "//" property that starts with tflint-ignore-file:.
package ignore

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

var (
	lineIgnore = regexp.MustCompile(`tflint-ignore: ([^\n*/#]+)`)
	fileIgnore = regexp.MustCompile(`tflint-ignore-file: ([^\n*/#]+)`)
)

// Comment is one ignore comment: the rules it names, and its line (0 when it
// covers the whole file).
type Comment struct {
	rules []string
	line  int
}

// Covers reports whether the comment silences rule's finding starting on line.
func (c Comment) Covers(rule string, line int) bool {
	if !slices.Contains(c.rules, rule) && !slices.Contains(c.rules, "all") {
		return false
	}
	return c.line == 0 || c.line == line || c.line == line-1
}

// ruleList splits the rule names of an ignore comment.
func ruleList(s string) []string {
	parts := strings.Split(strings.TrimSpace(s), ",")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
	}
	return parts
}

// Comments reads the ignore comments of one file. A tflint-ignore-file comment
// anywhere but at the very start of a file is an error, as in tflint.
func Comments(name string, src []byte) ([]Comment, hcl.Diagnostics) {
	if !bytes.Contains(src, []byte("tflint-ignore")) {
		return nil, nil // the common case, without lexing the file
	}
	if strings.HasSuffix(name, ".json") {
		return jsonComments(name, src)
	}
	tokens, diags := hclsyntax.LexConfig(src, name, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, diags
	}
	var out []Comment
	for _, tok := range tokens {
		if tok.Type != hclsyntax.TokenComment {
			continue
		}
		if m := lineIgnore.FindSubmatch(tok.Bytes); m != nil {
			out = append(out, Comment{rules: ruleList(string(m[1])), line: tok.Range.Start.Line})
			continue
		}
		if m := fileIgnore.FindSubmatch(tok.Bytes); m != nil {
			if tok.Range.Start.Line != 1 || tok.Range.Start.Column != 1 {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "tflint-ignore-file must start the file",
					Detail:   fmt.Sprintf("This tflint-ignore-file comment is on line %d, column %d; it only works as the first thing in the file.", tok.Range.Start.Line, tok.Range.Start.Column),
					Subject:  tok.Range.Ptr(),
				})
				continue
			}
			out = append(out, Comment{rules: ruleList(string(m[1]))})
		}
	}
	return out, diags
}

// jsonComments reads the "//" property of a .tf.json file.
func jsonComments(name string, src []byte) ([]Comment, hcl.Diagnostics) {
	var top struct {
		Comment string `json:"//"`
	}
	if json.Unmarshal(src, &top) != nil {
		return nil, nil
	}
	m := fileIgnore.FindStringSubmatchIndex(top.Comment)
	if m == nil {
		return nil, nil
	}
	if m[0] != 0 {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "tflint-ignore-file must start the comment",
			Detail:   fmt.Sprintf("The \"//\" property has tflint-ignore-file at index %d; it only works at its start.", m[0]),
			Subject:  &hcl.Range{Filename: name},
		}}
	}
	return []Comment{{rules: ruleList(top.Comment[m[2]:m[3]])}}, nil
}
