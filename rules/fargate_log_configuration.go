package rules

import (
	"slices"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// LogConfigurationRule flags log configurations that Fargate or the awslogs driver
// rejects.
type LogConfigurationRule struct{ meta }

// NewLogConfigurationRule returns the rule.
func NewLogConfigurationRule() *LogConfigurationRule {
	return &LogConfigurationRule{meta{name: "fargate_log_configuration", severity: tflint.ERROR, recommended: true}}
}

// fargateLogDrivers are the log drivers Fargate supports.
var fargateLogDrivers = []string{"awslogs", "splunk", "awsfirelens"}

// Check runs the rule.
func (r *LogConfigurationRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, td := range m.TaskDefinitions {
			for _, c := range td.KnownContainers() {
				logConf := c.Get("logConfiguration")
				driverNode := logConf.Get("logDriver")
				driver, ok := driverNode.Str()
				if !ok {
					continue
				}
				if td.IsFargate() && !slices.Contains(fargateLogDrivers, driver) {
					e.emitf(driverNode.Range, "container %s uses the log driver %q, which Fargate does not support: use awslogs, splunk or awsfirelens", c.Label, driver)
					continue
				}
				if driver != "awslogs" {
					continue
				}
				required := []string{"awslogs-group"}
				if td.IsFargate() {
					required = append(required, "awslogs-region", "awslogs-stream-prefix")
				}
				options := logConf.Get("options")
				if !options.IsNull() && !options.Known() {
					continue
				}
				where := driverNode.Range
				if mem := logConf.Member("options"); mem != nil {
					where = mem.KeyRange
				}
				for _, key := range required {
					if !options.MayHave(key) {
						e.emitf(where, "container %s logs with awslogs but its options have no %q, which %s requires: add \"%s\" to logConfiguration.options", c.Label, key, awslogsRequirer(key), key)
					}
				}
			}
		}
	})
}

func awslogsRequirer(key string) string {
	if key == "awslogs-stream-prefix" {
		return "Fargate"
	}
	return "the awslogs driver"
}
