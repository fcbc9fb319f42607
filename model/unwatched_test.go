package model

import "testing"

func TestUnwatchedValues(t *testing.T) {
	m := buildModule(t, `
variable "role_arn" {
  type    = string
  default = "arn:aws:iam::123456789012:role/given"
}
resource "aws_iam_role" "exec" {
  count = 0
  name  = "exec"
}
data "aws_ssm_parameter" "image" {
  name = "/app/image"
}
locals {
  settings = { name = "app", image = data.aws_ssm_parameter.image.value, privileged = true, user = null }
  container = { for k, v in local.settings : k => v if v != null }
}
resource "aws_ecs_task_definition" "app" {
  execution_role_arn    = try(aws_iam_role.exec[0].arn, var.role_arn)
  container_definitions = jsonencode([local.container])
}
`)
	td := m.TaskDefinitions[0]
	if got, ok := m.Config.String(td.Attr("execution_role_arn")); !ok || got != "arn:aws:iam::123456789012:role/given" {
		t.Errorf("try over a resource with count = 0: got %q (known %v), want the fallback", got, ok)
	}
	containers, ok := td.Containers()
	if !ok || len(containers) != 1 {
		t.Fatalf("containers not known: %v", containers)
	}
	if p := containers[0].Get("privileged"); p == nil || !p.Bool {
		t.Errorf("a container filtered on v != null with an image from a data source lost its known members")
	}
	if containers[0].MayHave("user") {
		t.Errorf("the null member was kept")
	}
}

func TestTryKeepsKnownParts(t *testing.T) {
	m := buildModule(t, `
data "aws_ssm_parameter" "image" {
  name = "/app/image"
}
resource "aws_security_group" "task" {
  count = 1
}
locals {
  service = {
    containers = [
      { name = "sidecar", image = data.aws_ssm_parameter.image.value },
      { name = "app", image = "nginx:1.27", privileged = true },
    ]
  }
}
resource "aws_ecs_task_definition" "app" {
  container_definitions = jsonencode(try(local.service.containers, []))
}
resource "aws_ecs_service" "app" {
  network_configuration {
    security_groups = flatten(concat([try(aws_security_group.task[0].id, [])], []))
  }
}
`)
	containers, ok := m.TaskDefinitions[0].Containers()
	if !ok || len(containers) != 2 {
		t.Fatalf("try over containers with an unknown image: known %v, %d containers", ok, len(containers))
	}
	groups := m.GroupsOf(m.Services[0].Blocks("network_configuration")[0].Body.Attributes["security_groups"])
	if !groups.Complete || len(groups.Groups) != 1 || groups.Groups[0].Address() != "aws_security_group.task" {
		t.Errorf("flatten(concat([try(aws_security_group.task[0].id, [])])): got %+v", groups)
	}
}

func TestUnknownRootVariable(t *testing.T) {
	m := buildModule(t, `
variable "image" {
  type     = string
  nullable = false
}
locals {
  settings  = { name = "app", image = var.image, privileged = true }
  container = { for k, v in local.settings : k => v if v != null }
}
resource "aws_ecs_task_definition" "app" {
  container_definitions = jsonencode([local.container])
}
`)
	containers, ok := m.TaskDefinitions[0].Containers()
	if !ok || len(containers) != 1 || containers[0].Get("privileged") == nil || !containers[0].Get("privileged").Bool {
		t.Fatalf("a root variable with nullable = false blanked the container: %v", containers)
	}
}
