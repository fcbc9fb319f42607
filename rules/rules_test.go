package rules

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ruleCase is one table entry: Terraform source and the findings it must produce, each
// written as "line:column: part of the message". No findings means the rule stays silent.
type ruleCase struct {
	name string
	src  string
	want []string
}

// testRule runs rule over each case, through the model runner as tflint would.
func testRule(t *testing.T, rule tflint.Rule, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			runner := helper.TestRunner(t, map[string]string{"main.tf": tc.src})
			if err := rule.Check(model.NewRunner(runner, false)); err != nil {
				t.Fatalf("Check returned an error: %v", err)
			}
			var got []string
			for _, issue := range runner.Issues {
				if issue.Rule.Name() != rule.Name() {
					t.Errorf("issue reported under %q", issue.Rule.Name())
				}
				got = append(got, fmt.Sprintf("%d:%d: %s", issue.Range.Start.Line, issue.Range.Start.Column, issue.Message))
			}
			sort.Strings(got)
			want := append([]string(nil), tc.want...)
			sort.Strings(want)
			if len(got) != len(want) {
				t.Fatalf("got %d findings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
			}
			for i := range want {
				pos, fragment, _ := strings.Cut(want[i], ": ")
				if !strings.HasPrefix(got[i], pos+": ") || !strings.Contains(got[i], fragment) {
					t.Errorf("finding %d:\n got  %s\n want %s", i, got[i], want[i])
				}
			}
		})
	}
}

// fargateTask returns a Fargate task definition with the given extra body.
func fargateTask(body string) string {
	return `
resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
` + body + `
}
`
}
