package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ServiceNetworkConfigurationRule flags services whose network_configuration does not
// match the network mode of their task definition.
type ServiceNetworkConfigurationRule struct{ meta }

// NewServiceNetworkConfigurationRule returns the rule.
func NewServiceNetworkConfigurationRule() *ServiceNetworkConfigurationRule {
	return &ServiceNetworkConfigurationRule{meta{name: "fargate_service_network_configuration", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *ServiceNetworkConfigurationRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, svc := range m.Services {
			mode := svc.NetworkMode()
			blocks := svc.Blocks("network_configuration")
			switch {
			case mode == "":
			case mode == model.ModeAWSVPC && m.Config.Missing(svc.Resource, "network_configuration"):
				uses := "its task definition uses awsvpc network mode"
				if svc.TaskNetworkMode() != model.ModeAWSVPC {
					uses = "it runs on Fargate, whose tasks use awsvpc network mode"
				}
				missing := subject(svc.Resource, "service") + " has no network_configuration, but " + uses + ", which needs subnets and security groups for each task's network interface (AWS: \"Network Configuration must be provided when networkMode 'awsvpc' is specified.\")"
				if gate, ok := m.Config.DynamicGate(svc.Resource, "network_configuration"); ok && m.NetworkModeFrom(svc, []string{gate}) {
					// The variable that leaves the block out also gives the task
					// definition its network mode, which fargate_task_network_mode
					// reports: one mistake, whose fix writes the block too.
					continue
				}
				if at := m.Config.MissingBlockAt(svc.Resource, "network_configuration"); at != svc.Block.DefRange {
					e.emit(missing+": the module writes the block only for some values of this argument; set one for which it does", at)
				} else {
					e.emit(missing+": add a network_configuration block", svc.Block.DefRange)
				}
			case mode != model.ModeAWSVPC && len(blocks) > 0:
				e.emitf(blocks[0].DefRange, "network_configuration is only valid for awsvpc tasks, and this service's task definition uses %s network mode (AWS: \"Network Configuration is not valid for the given networkMode of this task definition.\"): remove the block, or set network_mode = \"awsvpc\" on the task definition", mode)
			}
		}
	})
}
