package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
	"github.com/fargate-lint/tflint-ruleset-fargate/tree"
)

// ContainerDefinitionsSyntaxRule flags container_definitions that are not a JSON array
// of container objects.
type ContainerDefinitionsSyntaxRule struct{ meta }

// NewContainerDefinitionsSyntaxRule returns the rule.
func NewContainerDefinitionsSyntaxRule() *ContainerDefinitionsSyntaxRule {
	return &ContainerDefinitionsSyntaxRule{meta{name: "fargate_container_definitions_syntax", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *ContainerDefinitionsSyntaxRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, td := range m.TaskDefinitions {
			if err := td.SyntaxError; err != nil {
				e.emit("container_definitions is not valid JSON ("+err.Msg+"): ECS cannot register the task definition. Fix the JSON, or build it with jsonencode().", err.Range)
				continue
			}
			doc := td.Document
			if !doc.Known() {
				continue
			}
			if doc.Kind != tree.Array {
				e.emit("container_definitions must be a JSON array of container objects, like [{\"name\": \"app\", ...}]: wrap the container in [ ].", doc.Range)
				continue
			}
			for i, c := range doc.Items {
				if c.Known() && c.Kind != tree.Object {
					e.emitf(c.Range, "container_definitions element %d is not a container object: each element must be an object with at least \"name\" and \"image\".", i+1)
				}
			}
		}
	})
}
