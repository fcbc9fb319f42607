package rules

import (
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
					e.emitf(pm.Get("hostPort").Range,
						"hostPort %d must equal containerPort %d or be omitted: in %s network mode each container port is exposed on the same port of the task's network interface",
						host, cport, td.NetworkMode)
				}
			}
		}
	})
}
