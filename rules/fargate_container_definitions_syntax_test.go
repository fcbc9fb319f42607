package rules

import "testing"

func TestContainerDefinitionsSyntax(t *testing.T) {
	testRule(t, NewContainerDefinitionsSyntaxRule(), []ruleCase{
		{name: "trailing comma in a heredoc", src: fargateTask("  container_definitions = <<EOT\n[{\"name\": \"a\",}]\nEOT"),
			want: []string{`8:15: container_definitions is not valid JSON (unexpected '}', expected a quoted object key)`}},
		{name: "an object instead of a list", src: fargateTask(`  container_definitions = jsonencode({ name = "a" })`),
			want: []string{`7:38: container_definitions must be a JSON array of container objects`}},
		{name: "an element that is not an object", src: fargateTask(`  container_definitions = jsonencode(["a"])`),
			want: []string{`7:39: container_definitions element 1 is not a container object`}},
		{name: "no essential container", src: fargateTask(`  container_definitions = jsonencode([{ name = "a", essential = false }, { name = "b", essential = false }])`),
			want: []string{`7:65: task definition aws_ecs_task_definition.app has no essential container: all 2 of its containers set "essential": false`}},
		{name: "no essential container in a heredoc", src: fargateTask("  container_definitions = <<EOT\n[{\"name\": \"a\", \"essential\": false}]\nEOT"),
			want: []string{`8:29: task definition aws_ecs_task_definition.app has no essential container: its only container sets`}},
		{name: "silent: an omitted essential counts as true", src: fargateTask(`  container_definitions = jsonencode([{ name = "a", essential = false }, { name = "b" }])`)},
		{name: "silent: an unknown essential", src: fargateTask(`  container_definitions = jsonencode([{ name = "a", essential = false }, { name = "b", essential = var.essential }])`)},
		{name: "silent: an unknown container", src: fargateTask(`  container_definitions = jsonencode([{ name = "a", essential = false }, var.sidecar])`)},
		{name: "silent: valid JSON string", src: fargateTask(`  container_definitions = "[{\"name\": \"a\"}]"`)},
		{name: "silent: unknown", src: fargateTask(`  container_definitions = data.template_file.x.rendered`)},
	})
}
