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
		{name: "silent: valid JSON string", src: fargateTask(`  container_definitions = "[{\"name\": \"a\"}]"`)},
		{name: "silent: unknown", src: fargateTask(`  container_definitions = data.template_file.x.rendered`)},
	})
}
