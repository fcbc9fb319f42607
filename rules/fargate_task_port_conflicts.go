package rules

import (
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
	"github.com/fargate-lint/tflint-ruleset-fargate/tree"
)

// TaskPortConflictsRule flags port mappings that collide within a task.
type TaskPortConflictsRule struct{ meta }

// NewTaskPortConflictsRule returns the rule.
func NewTaskPortConflictsRule() *TaskPortConflictsRule {
	return &TaskPortConflictsRule{meta{name: "fargate_task_port_conflicts", severity: tflint.ERROR, recommended: true}}
}

// portKey is a port and its protocol.
type portKey struct {
	port     int64
	protocol string
}

// protocolOf returns a mapping's protocol (tcp when omitted), or false when unknown.
func protocolOf(pm *tree.Node) (string, bool) {
	p := pm.Get("protocol")
	if p.IsNull() {
		return "tcp", true
	}
	s, ok := p.Str()
	return strings.ToLower(s), ok
}

// Check runs the rule.
func (r *TaskPortConflictsRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, td := range m.TaskDefinitions {
			if td.NetworkMode == "" {
				continue
			}
			// taskPorts holds, for the shared namespace (awsvpc, host) the container ports,
			// and for bridge the static host ports, with the container that took each.
			taskPorts := map[portKey]string{}
			for _, c := range td.KnownContainers() {
				pmNode := c.Member("portMappings")
				mappings, _ := c.Get("portMappings").Elements()
				if td.NetworkMode == model.ModeNone && len(mappings) > 0 {
					e.emitf(pmNode.KeyRange, "container %s has portMappings, but a task in none network mode has no network to publish them on: remove them, or use another network mode", c.Label)
					continue
				}
				containerPorts := map[int64]bool{}
				for _, pm := range mappings {
					cport, ok := pm.Get("containerPort").Int()
					if !ok {
						continue
					}
					if containerPorts[cport] {
						e.emitf(pm.Get("containerPort").Range, "container %s maps containerPort %d more than once: ECS allows one port mapping per container port, whatever the protocol. Remove the duplicate mapping", c.Label, cport)
						continue
					}
					containerPorts[cport] = true

					protocol, ok := protocolOf(pm)
					if !ok {
						continue
					}
					key, where := portKey{cport, protocol}, pm.Get("containerPort").Range
					if td.NetworkMode == model.ModeBridge {
						host, ok := pm.Get("hostPort").Int()
						if !ok || host == 0 {
							continue // dynamic host port
						}
						key, where = portKey{host, protocol}, pm.Get("hostPort").Range
					}
					if other, taken := taskPorts[key]; taken {
						e.emitf(where, "%s port %d is already taken by container %s: %s. Give one of them another port", strings.ToUpper(protocol), key.port, other, conflictReason(td.NetworkMode))
						continue
					}
					taskPorts[key] = c.Label
				}
			}
		}
	})
}

func conflictReason(mode string) string {
	if mode == model.ModeBridge {
		return "in bridge network mode two static host ports cannot be the same on one instance"
	}
	return "in " + mode + " network mode all containers of a task share one network namespace, so a port can be bound once"
}
