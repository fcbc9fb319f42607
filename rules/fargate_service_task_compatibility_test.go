package rules

import "testing"

func TestServiceTaskCompatibility(t *testing.T) {
	service := `
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
}`
	testRule(t, NewServiceTaskCompatibilityRule(), []ruleCase{
		// ECS adds FARGATE to the compatibilities it computes at registration when the
		// task definition meets Fargate's requirements.
		{name: "silent (retired): awsvpc task without requires_compatibilities", src: awsvpcTask + service},
	})
	// What AWS refuses for such a task definition is still reported, by the rule whose
	// fix it is.
	testRule(t, NewTaskSizeRule(), []ruleCase{
		{name: "no task-level cpu or memory, run on Fargate", src: `
resource "aws_ecs_task_definition" "app" {
  network_mode = "awsvpc"
}` + service, want: []string{`2:1: Fargate tasks need a task-level cpu`, `2:1: Fargate tasks need a task-level memory`}},
	})
}

// TestServiceTaskCompatibilityRetired checks the retired rule keeps its name, so that
// configurations naming it load, and is in no preset.
func TestServiceTaskCompatibilityRetired(t *testing.T) {
	r := NewServiceTaskCompatibilityRule()
	if r.Name() != "fargate_service_task_compatibility" {
		t.Errorf("name %q", r.Name())
	}
	if r.Enabled() {
		t.Errorf("a retired rule is in the recommended preset")
	}
}
