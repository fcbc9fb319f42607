package rules

import (
	"fmt"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"
	"github.com/fargate-lint/tflint-ruleset-fargate/model"
	"github.com/fargate-lint/tflint-ruleset-fargate/tree"
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
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
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
					message := fmt.Sprintf("hostPort %d must equal containerPort %d or be omitted: in %s network mode each container port is exposed on the same port of the task's network interface", host, cport, td.NetworkMode)
					if fix := hostPortFix(td, pm); fix != nil {
						e.emitWithFix(message, pm.Get("hostPort").Range, fix)
					} else {
						e.emit(message, pm.Get("hostPort").Range)
					}
				}
			}
		}
	})
}

// hostPortFix returns a fix that writes the port mapping's containerPort where its
// hostPort is written, or nil when no single edit is right.
//
// The fix copies containerPort's source text, not its value, so the one edit is right for
// every count or for_each instance of the task definition whatever port each has: a
// number written in the mapping, or an expression (each.value.port, local.port) when the
// mapping is written in jsonencode(...), where that expression means the same thing next
// to hostPort. Both must be written in the mapping itself, inside container_definitions.
func hostPortFix(td *model.TaskDefinition, pm *tree.Node) func(tflint.Fixer) error {
	attr := td.Attr("container_definitions")
	hostRange, portRange := pm.Get("hostPort").Range, pm.Get("containerPort").Range
	if !within(hostRange, pm.Range) || !within(portRange, pm.Range) || !within(pm.Range, attr.Expr.Range()) || hostRange == portRange {
		return nil
	}
	inJSONEncode := config.EncodedInPlace(attr)
	return func(f tflint.Fixer) error {
		port := string(f.TextAt(portRange).Bytes)
		if _, err := strconv.ParseInt(port, 10, 64); err != nil && !inJSONEncode {
			return tflint.ErrFixNotSupported // an interpolation inside JSON text
		}
		// What is written as hostPort is replaced only when it is decided there: a
		// number, or in jsonencode an expression of the instance's own count or each.
		// A variable, local or other reference there is decided elsewhere too.
		if _, err := strconv.ParseInt(string(f.TextAt(hostRange).Bytes), 10, 64); err != nil {
			if !config.DecidedWhereWritten(attr, hostRange) {
				return tflint.ErrFixNotSupported
			}
		}
		return f.ReplaceText(hostRange, port)
	}
}

// within reports whether inner lies inside outer in the same file.
func within(inner, outer hcl.Range) bool {
	return inner.Filename == outer.Filename && inner.Start.Byte >= outer.Start.Byte && inner.End.Byte <= outer.End.Byte
}
