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
