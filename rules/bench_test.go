package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"

	"github.com/fargate-lint/tflint-ruleset-fargate/bench/stacks"
	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// BenchmarkAllRules measures the plugin's own work on the make bench module (1,000
// stacks): building the module model and running every rule, without tflint's gRPC or
// file parsing (the helper runner hands over parsed files).
func BenchmarkAllRules(b *testing.B) {
	runner := helper.TestRunner(&testing.T{}, stacks.Files(1000, 50))
	rules := All()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		wrapped := model.NewRunner(runner, false)
		for _, rule := range rules {
			if err := rule.Check(wrapped); err != nil {
				b.Fatal(err)
			}
		}
	}
	if len(runner.Issues) > 0 {
		b.Fatalf("the bench module should be clean, got %d findings, first: %s", len(runner.Issues), runner.Issues[0].Message)
	}
}
