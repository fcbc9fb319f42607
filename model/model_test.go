package model

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func buildModule(t *testing.T, src string) *Model {
	t.Helper()
	m, err := Build(helper.TestRunner(t, map[string]string{"main.tf": src}))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestNetworkMode(t *testing.T) {
	m := buildModule(t, `
variable "mode" {
  type = string
}
locals {
  mode = "host"
}
resource "aws_ecs_task_definition" "omitted" {}
resource "aws_ecs_task_definition" "null" {
  network_mode = null
}
resource "aws_ecs_task_definition" "local" {
  network_mode = local.mode
}
resource "aws_ecs_task_definition" "unknown" {
  network_mode = var.mode
}
`)
	got := map[string]string{}
	for _, td := range m.TaskDefinitions {
		got[td.Name] = td.NetworkMode
	}
	want := map[string]string{"omitted": "bridge", "null": "bridge", "local": "host", "unknown": ""}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("effective network modes (-want +got):\n%s", diff)
	}
}

func TestResolve(t *testing.T) {
	m := buildModule(t, `
resource "aws_ecs_task_definition" "app" {}
resource "aws_ecs_task_definition" "counted" {
  count = 2
}
resource "aws_ecs_task_definition" "keyed" {
  for_each = toset(["x", "y"])
}
resource "aws_ecs_task_definition" "unknown" {
  count = var.n
}
locals {
  td = var.create ? aws_ecs_task_definition.app.arn : var.td
  on = true ? aws_ecs_task_definition.app.arn : var.td
}
resource "aws_ecs_service" "plain" {
  task_definition = aws_ecs_task_definition.app.arn
}
resource "aws_ecs_service" "indexed" {
  task_definition = aws_ecs_task_definition.counted[1].arn
}
resource "aws_ecs_service" "keyed" {
  task_definition = aws_ecs_task_definition.keyed["x"].arn
}
resource "aws_ecs_service" "family" {
  task_definition = aws_ecs_task_definition.app.family
}
resource "aws_ecs_service" "local_conditional_unknown" {
  task_definition = local.td
}
resource "aws_ecs_service" "local_conditional_known" {
  task_definition = local.on
}
resource "aws_ecs_service" "unknown_count" {
  task_definition = aws_ecs_task_definition.unknown[0].arn
}
resource "aws_ecs_service" "one" {
  task_definition = one(aws_ecs_task_definition.app[*].arn)
}
resource "aws_ecs_service" "template" {
  task_definition = "${aws_ecs_task_definition.app.family}:${aws_ecs_task_definition.app.revision}"
}
resource "aws_ecs_service" "mixed" {
  task_definition = "${aws_ecs_task_definition.app.family}:${data.aws_ecs_task_definition.app.revision}"
}
resource "aws_ecs_service" "variable" {
  task_definition = var.td
}
resource "aws_ecs_service" "module" {
  task_definition = module.td.arn
}
resource "aws_ecs_service" "missing" {
  task_definition = aws_ecs_task_definition.nope.arn
}
`)
	got := map[string]bool{}
	for _, s := range m.Services {
		got[s.Name] = len(s.TaskDefinitions) == 1
	}
	want := map[string]bool{"plain": true, "indexed": true, "keyed": true, "one": true, "template": true,
		"family": true, "local_conditional_known": true, "local_conditional_unknown": false, "unknown_count": false,
		"mixed": false, "variable": false, "module": false, "missing": false}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("resolved (-want +got):\n%s", diff)
	}
}

func TestContainerPositions(t *testing.T) {
	m := buildModule(t, `
locals {
  port = 8080
  mappings = [{ containerPort = local.port, hostPort = 80 }]
}
resource "aws_ecs_task_definition" "app" {
  container_definitions = jsonencode([{
    name         = "app"
    portMappings = local.mappings
  }])
}
`)
	containers := m.TaskDefinitions[0].KnownContainers()
	if len(containers) != 1 {
		t.Fatalf("want 1 container, got %d", len(containers))
	}
	pm := containers[0].Get("portMappings").Items[0]
	host := pm.Member("hostPort")
	if host.KeyRange.Start.Line != 4 || host.KeyRange.Start.Column != 45 {
		t.Errorf("hostPort key should be found in the locals block, got %s", host.KeyRange)
	}
	if v, _ := pm.Get("containerPort").Int(); v != 8080 {
		t.Errorf("containerPort = %d", v)
	}
	if name := containers[0].Member("name"); name.KeyRange.Start.Line != 8 {
		t.Errorf("name key at %s", name.KeyRange)
	}
}

func TestIndentedHeredoc(t *testing.T) {
	m := buildModule(t, `
resource "aws_ecs_task_definition" "app" {
  container_definitions = <<-EOT
    [
      {
        "name": "app",

        "image": "nginx"
      }
    ]
  EOT
}
`)
	c := m.TaskDefinitions[0].KnownContainers()[0]
	image := c.Member("image")
	want := hcl.Pos{Line: 8, Column: 9}
	got := image.KeyRange.Start
	if got.Line != want.Line || got.Column != want.Column {
		t.Errorf("image key at %d:%d, want %d:%d", got.Line, got.Column, want.Line, want.Column)
	}
}

// TestNullDefaults checks a variable left null by its default: unknown in a module meant
// to be called (no provider block), null in a root that configures a provider.
func TestNullDefaults(t *testing.T) {
	src := `
variable "cpu" {
  type    = number
  default = null
}
resource "aws_ecs_task_definition" "app" {
  cpu = var.cpu
}
`
	for _, tc := range []struct {
		name, extra string
		set         bool
	}{
		{"called module", "", true},
		{"root with a provider", "provider \"aws\" {\n  region = \"eu-west-1\"\n}\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := buildModule(t, src+tc.extra)
			td := m.TaskDefinitions[0]
			if got := m.Config.Set(td.Attr("cpu")); got != tc.set {
				t.Errorf("Set(cpu) = %v, want %v", got, tc.set)
			}
		})
	}
}
