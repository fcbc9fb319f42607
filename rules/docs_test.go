package rules

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// TestDocs checks every rule has a doc page with the sections users look for, and a row
// in docs/rules/README.md that states its real severity, preset and whether it is
// fixable; a fixable rule's page says so too.
func TestDocs(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "docs", "rules", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	index := string(data)
	for _, rule := range All() {
		name := rule.Name()
		data, err := os.ReadFile(filepath.Join("..", "docs", "rules", name+".md"))
		if err != nil {
			t.Errorf("%s has no doc page: %v", name, err)
			continue
		}
		page := string(data)
		for _, section := range []string{"# " + name + "\n", "## Example", "## Why", "## How to fix"} {
			if !strings.Contains(page, section) {
				t.Errorf("docs/rules/%s.md lacks %q", name, strings.TrimSpace(section))
			}
		}
		preset := "all"
		if rule.Enabled() {
			preset = "recommended"
		}
		row := fmt.Sprintf("| [%s](%s.md) | %s | %s |", name, name, severity(rule.Severity()), preset)
		if !strings.Contains(index, row) {
			t.Errorf("docs/rules/README.md has no row starting %q", row)
		}
		fixable, err := offersFix(name + ".go")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		column, want := " |", "empty"
		if fixable {
			column, want = " yes |", `"yes"`
		}
		if !strings.Contains(index, row+column+"\n") {
			t.Errorf("docs/rules/README.md: the Fixable column of %s must be %s (the rule offers a fix: %v)", name, want, fixable)
		}
		if strings.Contains(page, "\n- Fixable: yes") != fixable {
			t.Errorf("docs/rules/%s.md: a line \"- Fixable: yes ...\" must be there if and only if the rule offers a fix (it does: %v)", name, fixable)
		}
		if want := "https://github.com/fargate-lint/tflint-ruleset-fargate/blob/v"; !strings.HasPrefix(rule.Link(), want) || !strings.HasSuffix(rule.Link(), "/docs/rules/"+name+".md") {
			t.Errorf("%s: link %q is not the absolute URL of its doc page", name, rule.Link())
		}
	}
}

func severity(s tflint.Severity) string {
	switch s {
	case tflint.ERROR:
		return "error"
	case tflint.WARNING:
		return "warning"
	}
	return "notice"
}

// offersFix reports whether a rule's source file reports a finding with a fix: it calls
// emitWithFix (the rules' helper) or tflint's EmitIssueWithFix.
func offersFix(file string) (bool, error) {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		return false, fmt.Errorf("cannot read the rule's source to see whether it offers a fix: %w", err)
	}
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "emitWithFix" || sel.Sel.Name == "EmitIssueWithFix") {
				found = true
			}
		}
		return !found
	})
	return found, nil
}
