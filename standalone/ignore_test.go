package standalone

import (
	"strings"
	"testing"
)

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
