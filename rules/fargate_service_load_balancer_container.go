package rules

import (
	"strconv"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ServiceLoadBalancerContainerRule flags load_balancer blocks naming a container or port
// the task definition does not have.
type ServiceLoadBalancerContainerRule struct{ meta }

// NewServiceLoadBalancerContainerRule returns the rule.
func NewServiceLoadBalancerContainerRule() *ServiceLoadBalancerContainerRule {
	return &ServiceLoadBalancerContainerRule{meta{name: "fargate_service_load_balancer_container", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *ServiceLoadBalancerContainerRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, svc := range m.Services {
			for _, lb := range svc.Blocks("load_balancer") {
				nameAttr, portAttr := lb.Body.Attributes["container_name"], lb.Body.Attributes["container_port"]
				name, ok1 := m.Config.String(nameAttr)
				port, ok2 := m.Config.String(portAttr)
				if ok1 && ok2 {
					checkContainerPort(m, e, svc, nameAttr, portAttr, name, port)
				}
			}
		}
	})
}

// checkContainerPort flags a container name, or a port of that container, that none of
// the service's task definition instances declares.
func checkContainerPort(m *model.Model, e *emitter, svc *model.Service, nameAttr, portAttr *hclext.Attribute, name, portText string) {
	if len(svc.TaskDefinitions) == 0 {
		return
	}
	port, err := strconv.ParseInt(portText, 10, 64)
	if err != nil {
		return
	}
	nameMissing, portMissing := true, true
	for _, td := range svc.TaskDefinitions {
		c, found, ok := td.Container(name)
		if !ok {
			return
		}
		if !found {
			continue
		}
		nameMissing = false
		mapping, ok := model.PortMapping(c, port)
		if !ok {
			return
		}
		if mapping != nil {
			portMissing = false
		}
	}
	td := svc.TaskDefinitions[0].Label()
	switch {
	case nameMissing:
		e.emitf(nameAttr.Expr.Range(), "task definition %s has no container named %q (AWS: \"The container %s does not exist in the task definition.\"): use the name of the container that serves the traffic", td, name, name)
	case portMissing:
		e.emitf(portAttr.Expr.Range(), "container %q of task definition %s maps no containerPort %d (AWS: \"The container %s did not have a container port %d defined.\"): add a port mapping for it, or use a port the container maps", name, td, port, name, port)
	}
}
