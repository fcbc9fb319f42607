package rules

import (
	"fmt"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// AwsvpcHostPortRule flags a hostPort that differs from its containerPort in an awsvpc
// or host task.
type AwsvpcHostPortRule struct{ meta }

// NewAwsvpcHostPortRule returns the rule.
func NewAwsvpcHostPortRule() *AwsvpcHostPortRule {
	return &AwsvpcHostPortRule{meta{name: "fargate_awsvpc_host_port", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *AwsvpcHostPortRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Module, e *emitter) {
		for _, td := range m.TaskDefinitions {
			if !td.SharedNamespace() {
				continue
			}
			for _, c := range td.KnownContainers() {
				mappings, _ := c.Get("portMappings").Elements()
				for _, pm := range mappings {
					host, hostKnown := pm.Get("hostPort").Int()
					cport, portKnown := pm.Get("containerPort").Int()
					if !hostKnown || !portKnown || host == 0 || host == cport {
						continue
					}
					rng := pm.Get("hostPort").Range
					e.emitWithFix(fmt.Sprintf("hostPort %d must equal containerPort %d or be omitted: in %s network mode each container port is exposed on the same port of the task's network interface", host, cport, td.NetworkMode),
						rng, replaceLiteral(rng, td.Attr("container_definitions").Expr.Range(), strconv.FormatInt(host, 10), strconv.FormatInt(cport, 10)))
				}
			}
		}
	})
}

// replaceLiteral returns a fix that replaces the text at rng with to, when that text is
// exactly from and is written inside within: a number in this attribute's jsonencode(...)
// or JSON text, not an expression (a variable, a local shared with others) whose value
// happens to be from.
func replaceLiteral(rng, within hcl.Range, from, to string) func(tflint.Fixer) error {
	return func(f tflint.Fixer) error {
		inside := rng.Filename == within.Filename && rng.Start.Byte >= within.Start.Byte && rng.End.Byte <= within.End.Byte
		if !inside || string(f.TextAt(rng).Bytes) != from {
			return tflint.ErrFixNotSupported
		}
		return f.ReplaceText(rng, to)
	}
}
