package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
	"github.com/fargate-lint/tflint-ruleset-fargate/tree"
)

// AwsvpcContainerOptionsRule flags container parameters that awsvpc tasks do not
// support.
type AwsvpcContainerOptionsRule struct{ meta }

// NewAwsvpcContainerOptionsRule returns the rule.
func NewAwsvpcContainerOptionsRule() *AwsvpcContainerOptionsRule {
	return &AwsvpcContainerOptionsRule{meta{name: "fargate_awsvpc_container_options", severity: tflint.ERROR, recommended: true}}
}

// awsvpcUnsupported maps each container parameter awsvpc rejects to what to do instead.
var awsvpcUnsupported = []struct{ key, instead string }{
	{"links", "containers of an awsvpc task share one network namespace: reach the other container on localhost"},
	{"hostname", "an awsvpc task takes its hostname from its network interface"},
	{"dnsServers", "an awsvpc task uses the VPC's DNS: configure a DHCP options set or Route 53 Resolver instead"},
	{"dnsSearchDomains", "an awsvpc task uses the VPC's DNS: set search domains in the VPC's DHCP options set"},
	{"extraHosts", "an awsvpc task cannot edit /etc/hosts this way: use DNS (for example a Route 53 private zone)"},
	{"disableNetworking", "an awsvpc task always has its network interface"},
}

// Check runs the rule.
func (r *AwsvpcContainerOptionsRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, td := range m.TaskDefinitions {
			if td.NetworkMode != model.ModeAWSVPC {
				continue
			}
			for _, c := range td.KnownContainers() {
				for _, opt := range awsvpcUnsupported {
					member := c.Member(opt.key)
					if member == nil || !setsSomething(member.Value) {
						continue
					}
					e.emitf(member.KeyRange, "container %s sets %s, which tasks in awsvpc network mode do not support: remove it; %s", c.Label, opt.key, opt.instead)
				}
			}
		}
	})
}

// setsSomething reports whether a container parameter's value asks for anything: not
// null, not an empty list or string, not false.
func setsSomething(n *tree.Node) bool {
	switch n.Kind {
	case tree.Null, tree.Unknown:
		return false
	case tree.Array:
		return len(n.Items) > 0
	case tree.String:
		return n.Text != ""
	case tree.Bool:
		return n.Bool
	}
	return true
}
