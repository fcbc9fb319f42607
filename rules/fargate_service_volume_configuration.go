package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ServiceVolumeConfigurationRule flags a service volume_configuration whose name is not a
// volume of the task definition configured at launch.
type ServiceVolumeConfigurationRule struct{ meta }

// NewServiceVolumeConfigurationRule returns the rule.
func NewServiceVolumeConfigurationRule() *ServiceVolumeConfigurationRule {
	return &ServiceVolumeConfigurationRule{meta{name: "fargate_service_volume_configuration", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *ServiceVolumeConfigurationRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, svc := range m.Services {
			for _, vc := range svc.Blocks("volume_configuration") {
				attr := vc.Body.Attributes["name"]
				name, ok := m.Config.String(attr)
				if !ok {
					continue
				}
				for _, td := range svc.TaskDefinitions {
					volumes, known := m.LaunchVolumes(td)
					if !known {
						continue
					}
					atLaunch, exists := volumes[name]
					if !exists {
						e.emitf(attr.Expr.Range(), "volume_configuration names volume %q, but task definition %s has no volume of that name: the settings given at launch must match a volume block of the task definition. Add volume { name = %q, configure_at_launch = true } to it, or use the name of its volume", name, td.Label(), name)
						break
					}
					if !atLaunch {
						e.emitf(attr.Expr.Range(), "volume_configuration configures volume %q at launch, but task definition %s does not mark that volume configure_at_launch = true: set it on the volume block", name, td.Label())
						break
					}
				}
			}
		}
	})
}
