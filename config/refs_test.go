package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// Moved from package model, where their subject lived before: resolving references and
// a variable's null default are Terraform's questions. The resource types are only
// names here, read with the schema below.

var resolveSchema = Schema{Resources: map[string]*hclext.BodySchema{
	"aws_ecs_task_definition": {Attributes: []hclext.AttributeSchema{{Name: "cpu"}}},
	"aws_ecs_service":         {Attributes: []hclext.AttributeSchema{{Name: "task_definition"}}},
}, Computed: []string{"arn"}}

// loadRoot loads a root module of one file.
func loadRoot(t *testing.T, schema Schema, src string) *Config {
	t.Helper()
	c, err := Load(helper.TestRunner(t, map[string]string{"main.tf": src}), schema)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestResolve(t *testing.T) {
	m := loadRoot(t, resolveSchema, `
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
	for _, s := range m.OfType("aws_ecs_service") {
		got[s.Name] = len(m.Resolve(s.Attr("task_definition"), "aws_ecs_task_definition")) == 1
	}
	want := map[string]bool{"plain": true, "indexed": true, "keyed": true, "one": true, "template": true,
		"family": true, "local_conditional_known": true, "local_conditional_unknown": false, "unknown_count": false,
		"mixed": false, "variable": false, "module": false, "missing": false}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("resolved (-want +got):\n%s", diff)
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
			m := loadRoot(t, resolveSchema, src+tc.extra)
			td := m.OfType("aws_ecs_task_definition")[0]
			if got := m.Set(td.Attr("cpu")); got != tc.set {
				t.Errorf("Set(cpu) = %v, want %v", got, tc.set)
			}
		})
	}
}
