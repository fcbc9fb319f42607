package ignore

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestIgnoreComments(t *testing.T) {
	src := `# tflint-ignore-file: rule_a, rule_b
resource "x" "y" {
  # tflint-ignore: rule_c
  a = 1 # tflint-ignore: all
  /* tflint-ignore: rule_d */ b = 2
  // tflint-ignore: rule_e,rule_f # because
}
`
	got, diags := Comments("main.tf", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	want := []Comment{
		{rules: []string{"rule_a", "rule_b"}},
		{rules: []string{"rule_c"}, line: 3},
		{rules: []string{"all"}, line: 4},
		{rules: []string{"rule_d"}, line: 5},
		{rules: []string{"rule_e", "rule_f"}, line: 6},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(Comment{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, c := range []struct {
		comment Comment
		rule    string
		line    int
		covers  bool
	}{
		{want[0], "rule_b", 40, true},
		{want[0], "rule_c", 40, false},
		{want[1], "rule_c", 4, true},
		{want[1], "rule_c", 3, true},
		{want[1], "rule_c", 5, false},
		{want[1], "rule_x", 4, false},
		{want[2], "anything", 4, true},
	} {
		if got := c.comment.Covers(c.rule, c.line); got != c.covers {
			t.Errorf("%+v covers %s on line %d: %v, want %v", c.comment, c.rule, c.line, got, c.covers)
		}
	}
}

func TestIgnoreCommentErrors(t *testing.T) {
	_, diags := Comments("main.tf", []byte("resource \"x\" \"y\" {}\n# tflint-ignore-file: rule_a\n"))
	if !diags.HasErrors() || !strings.Contains(diags.Error(), "must start the file") {
		t.Errorf("a tflint-ignore-file comment below the top: %v", diags)
	}
	_, diags = Comments("main.tf", []byte("  # tflint-ignore-file: rule_a\n"))
	if !diags.HasErrors() {
		t.Error("a tflint-ignore-file comment must start at column 1")
	}
	got, diags := Comments("main.tf.json", []byte(`{"//": "tflint-ignore-file: rule_a", "resource": {}}`))
	if diags.HasErrors() || len(got) != 1 || got[0].line != 0 || got[0].rules[0] != "rule_a" {
		t.Errorf("JSON file comment: %+v, %v", got, diags)
	}
	_, diags = Comments("main.tf.json", []byte(`{"//": "see: tflint-ignore-file: rule_a"}`))
	if !diags.HasErrors() {
		t.Error("a JSON tflint-ignore-file comment must start the property")
	}
	if got, _ := Comments("main.tf", []byte("resource \"x\" \"y\" {}\n")); got != nil {
		t.Errorf("a file without ignore comments: %+v", got)
	}
}
