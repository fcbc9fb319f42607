package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// FuzzRules runs every rule over arbitrary Terraform: no rule may panic or return an
// error because of what a user wrote. The end-to-end fixtures seed the corpus.
func FuzzRules(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*.tf"))
	for _, s := range seeds {
		if src, err := os.ReadFile(s); err == nil {
			f.Add(string(src))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		if _, diags := hclsyntax.ParseConfig([]byte(src), "main.tf", hcl.InitialPos); diags.HasErrors() {
			return
		}
		runner := testRunnerOrNil(t, src)
		if runner == nil {
			return
		}
		wrapped := model.NewRunner(runner, false)
		for _, rule := range All() {
			if err := rule.Check(wrapped); err != nil {
				t.Fatalf("%s returned an error: %v", rule.Name(), err)
			}
		}
	})
}

// testRunnerOrNil returns a helper runner for src, or nil when the helper itself rejects
// it (it panics on blocks Terraform would refuse, such as a variable without a name).
func testRunnerOrNil(t *testing.T, src string) (runner *helper.Runner) {
	defer func() {
		if recover() != nil {
			runner = nil
		}
	}()
	return helper.TestRunner(t, map[string]string{"main.tf": src})
}
