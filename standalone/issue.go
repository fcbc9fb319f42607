package standalone

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// Issue is one finding.
type Issue struct {
	Rule     string
	Severity tflint.Severity
	Link     string
	Message  string
	Range    hcl.Range
	Fixable  bool
	Callers  []hcl.Range
	// Source is the text of the file when the finding was reported (a --fix may change
	// it later); nil for a file outside the module linted.
	Source []byte
}

// sortIssues orders issues as tflint's reports do: by file, start line and column, the
// wider range first, then by message.
func sortIssues(issues []*Issue) {
	sort.SliceStable(issues, func(i, j int) bool {
		a, b := issues[i].Range, issues[j].Range
		switch {
		case a.Filename != b.Filename:
			return a.Filename < b.Filename
		case a.Start.Line != b.Start.Line:
			return a.Start.Line < b.Start.Line
		case a.Start.Column != b.Start.Column:
			return a.Start.Column < b.Start.Column
		case a.End.Line != b.End.Line:
			return a.End.Line > b.End.Line
		case a.End.Column != b.End.Column:
			return a.End.Column > b.End.Column
		}
		return issues[i].Message < issues[j].Message
	})
}

// severityRank orders severities: notice < warning < error.
func severityRank(s tflint.Severity) int {
	switch s {
	case tflint.ERROR:
		return 2
	case tflint.WARNING:
		return 1
	}
	return 0
}

// failing reports whether issues make the exit status non-zero: any issue, or with
// --minimum-failure-severity, one at least that severe.
func failing(issues []*Issue, minimum string) bool {
	if len(issues) == 0 {
		return false
	}
	if minimum == "" {
		return true
	}
	floor := map[string]int{"notice": 0, "warning": 1, "error": 2}[minimum]
	for _, is := range issues {
		if severityRank(is.Severity) >= floor {
			return true
		}
	}
	return false
}
