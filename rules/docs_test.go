package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// TestDocs checks every rule has a doc page with the sections users look for, and a row
// in docs/rules/README.md that states its real severity and preset.
func TestDocs(t *testing.T) {
	index, err := os.ReadFile(filepath.Join("..", "docs", "rules", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, rule := range All() {
		name := rule.Name()
		page, err := os.ReadFile(filepath.Join("..", "docs", "rules", name+".md"))
		if err != nil {
			t.Errorf("%s has no doc page: %v", name, err)
			continue
		}
		for _, section := range []string{"# " + name + "\n", "## Example", "## Why", "## How to fix"} {
			if !strings.Contains(string(page), section) {
				t.Errorf("docs/rules/%s.md lacks %q", name, strings.TrimSpace(section))
			}
		}
		preset := "all"
		if rule.Enabled() {
			preset = "recommended"
		}
		row := fmt.Sprintf("| [%s](%s.md) | %s | %s |", name, name, severity(rule.Severity()), preset)
		if !strings.Contains(string(index), row) {
			t.Errorf("docs/rules/README.md has no row starting %q", row)
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
