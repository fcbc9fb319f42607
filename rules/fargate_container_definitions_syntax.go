package rules

import (
	"fmt"

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
			shaped := true
			for i, c := range doc.Items {
				if c.Known() && c.Kind != tree.Object {
					e.emitf(c.Range, "container_definitions element %d is not a container object: each element must be an object with at least \"name\" and \"image\".", i+1)
					shaped = false
				}
			}
			if shaped {
				noEssential(td, e)
			}
		}
	})
}

// noEssential reports a task definition whose every container is known to set
// essential to false (an omitted essential counts as true). The finding sits on the
// first container's "essential": false, one place the fix can go.
func noEssential(td *model.TaskDefinition, e *emitter) {
	items := td.Document.Items
	if len(items) == 0 {
		return
	}
	for _, c := range items {
		if v := c.Get("essential"); v == nil || v.Kind != tree.Bool || v.Bool {
			return
		}
	}
	what := "its only container sets"
	if len(items) > 1 {
		what = fmt.Sprintf("all %d of its containers set", len(items))
	}
	e.emitf(items[0].Get("essential").Range, "task definition %s has no essential container: %s \"essential\": false, and ECS refuses it (AWS: \"Task definition doesn't have any essential container.\"): set \"essential\": true on the container the task lives for (an omitted essential counts as true)", td.Label(), what)
}
