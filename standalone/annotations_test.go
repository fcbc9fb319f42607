package standalone

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
	got, diags := ignoreComments("main.tf", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	want := []ignoreComment{
		{rules: []string{"rule_a", "rule_b"}},
		{rules: []string{"rule_c"}, line: 3},
		{rules: []string{"all"}, line: 4},
		{rules: []string{"rule_d"}, line: 5},
		{rules: []string{"rule_e", "rule_f"}, line: 6},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(ignoreComment{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, c := range []struct {
		comment ignoreComment
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
		if got := c.comment.covers(c.rule, c.line); got != c.covers {
			t.Errorf("%+v covers %s on line %d: %v, want %v", c.comment, c.rule, c.line, got, c.covers)
		}
	}
}

func TestIgnoreCommentErrors(t *testing.T) {
	_, diags := ignoreComments("main.tf", []byte("resource \"x\" \"y\" {}\n# tflint-ignore-file: rule_a\n"))
	if !diags.HasErrors() || !strings.Contains(diags.Error(), "must start the file") {
		t.Errorf("a tflint-ignore-file comment below the top: %v", diags)
	}
	_, diags = ignoreComments("main.tf", []byte("  # tflint-ignore-file: rule_a\n"))
	if !diags.HasErrors() {
		t.Error("a tflint-ignore-file comment must start at column 1")
	}
	got, diags := ignoreComments("main.tf.json", []byte(`{"//": "tflint-ignore-file: rule_a", "resource": {}}`))
	if diags.HasErrors() || len(got) != 1 || got[0].line != 0 || got[0].rules[0] != "rule_a" {
		t.Errorf("JSON file comment: %+v, %v", got, diags)
	}
	_, diags = ignoreComments("main.tf.json", []byte(`{"//": "see: tflint-ignore-file: rule_a"}`))
	if !diags.HasErrors() {
		t.Error("a JSON tflint-ignore-file comment must start the property")
	}
	if got, _ := ignoreComments("main.tf", []byte("resource \"x\" \"y\" {}\n")); got != nil {
		t.Errorf("a file without ignore comments: %+v", got)
	}
}

// ignoredModule has findings silenced in every way tflint knows, and some not.
var ignoredModule = map[string]string{
	".tflint.hcl": "plugin \"terraform\" {\n  enabled = false\n}\nplugin \"fargate\" {\n  enabled = true\n}\nrule \"fargate_task_size\" {\n  enabled   = true\n  ignorable = false\n}\n",
	"main.tf": `resource "aws_ecs_task_definition" "above" {
  family                   = "a"
  requires_compatibilities = ["FARGATE"]
  # tflint-ignore: fargate_task_network_mode
  network_mode          = "bridge"
  cpu                   = 256
  memory                = 512
  container_definitions = jsonencode([{ name = "app", image = "nginx" }])
}

resource "aws_ecs_task_definition" "same_line" {
  family                   = "b"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "host" # tflint-ignore: all
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "app", image = "nginx" }])
}

resource "aws_ecs_task_definition" "other_rule" {
  family                   = "c"
  requires_compatibilities = ["FARGATE"]
  # tflint-ignore: fargate_task_role
  network_mode             = "host"
  cpu                      = 300 # tflint-ignore: fargate_task_size
  memory                   = 512
  container_definitions    = jsonencode([{ name = "app", image = "nginx" }])
}
`,
	"whole.tf": `# tflint-ignore-file: fargate_task_network_mode
resource "aws_ecs_task_definition" "file" {
  family                   = "d"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "host"
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "app", image = "nginx" }])
}
`,
}

// TestIgnoreCommentsMatchTFLint requires the same findings as tflint on a module with
// ignore comments of every kind, and a rule that is not ignorable.
func TestIgnoreCommentsMatchTFLint(t *testing.T) {
	dir := writeFiles(t, ignoredModule)
	tfOut, _, tfCode := runTFLint(t, dir, "--format", "json")
	saOut, _, saCode := runStandalone(t, dir, "--format", "json")
	if tfCode != saCode {
		t.Errorf("exit status: tflint %d, standalone %d", tfCode, saCode)
	}
	compareOutput(t, "json", tfOut, saOut, false)
	for _, want := range []string{`"line":24`, "cpu 300"} {
		if !strings.Contains(saOut, want) {
			t.Errorf("the report lacks %s:\n%s", want, saOut)
		}
	}
	for _, unwanted := range []string{`"line":5,`, `"line":14,`, `"filename":"whole.tf"`} {
		if strings.Contains(saOut, unwanted) {
			t.Errorf("the report has an ignored finding (%s):\n%s", unwanted, saOut)
		}
	}
}
