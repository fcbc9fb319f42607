package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ServicePortNameRule flags a Service Connect service or VPC Lattice configuration whose
// port_name is not the name of a port mapping in the service's task definition.
type ServicePortNameRule struct{ meta }

// NewServicePortNameRule returns the rule.
func NewServicePortNameRule() *ServicePortNameRule {
	return &ServicePortNameRule{meta{name: "fargate_service_port_name", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *ServicePortNameRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, svc := range m.Services {
			for _, sc := range svc.Blocks("service_connect_configuration") {
				if enabled, ok := m.Config.Bool(sc.Body.Attributes["enabled"]); !ok || !enabled {
					continue
				}
				for _, s := range sc.Body.Blocks.OfType("service") {
					checkPortName(m, e, svc, s.Body.Attributes["port_name"], "Service Connect")
				}
			}
			for _, vl := range svc.Blocks("vpc_lattice_configurations") {
				checkPortName(m, e, svc, vl.Body.Attributes["port_name"], "VPC Lattice")
			}
		}
	})
}

// checkPortName flags a known port_name that no port mapping of a known task definition
// instance of the service carries.
func checkPortName(m *model.Model, e *emitter, svc *model.Service, attr *hclext.Attribute, feature string) {
	name, ok := m.Config.String(attr)
	if !ok {
		return
	}
	for _, td := range svc.TaskDefinitions {
		names, known := td.PortNames()
		if !known || slices.Contains(names, name) {
			continue
		}
		have := "none of its port mappings has a name"
		if len(names) > 0 {
			quoted := make([]string, len(names))
			for i, n := range names {
				quoted[i] = fmt.Sprintf("%q", n)
			}
			have = "its port mappings are named " + strings.Join(quoted, ", ")
		}
		e.emitf(attr.Expr.Range(), "port_name %q is not the name of a port mapping in task definition %s (%s): %s finds the port by the \"name\" of a portMappings entry, and AWS requires the two to match. Name the container's port mapping %q, or use one of its names", name, td.Label(), have, feature, name)
		return
	}
}
