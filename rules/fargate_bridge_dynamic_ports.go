package rules

import (
	"slices"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// BridgeDynamicPortsRule flags bridge services behind a load balancer whose tasks get
// dynamic host ports that their container instances' security groups never admit.
type BridgeDynamicPortsRule struct{ meta }

// NewBridgeDynamicPortsRule returns the rule.
func NewBridgeDynamicPortsRule() *BridgeDynamicPortsRule {
	return &BridgeDynamicPortsRule{meta{name: "fargate_bridge_dynamic_ports", severity: tflint.WARNING, recommended: true}}
}

// The ephemeral ranges a dynamic host port comes from: 32768-61000 on the ECS-optimized
// AMI, 49153-65535 where the kernel's range cannot be read; ephemeralLow-ephemeralHigh
// spans both.
const (
	ephemeralLow  = 32768
	ephemeralHigh = 65535
)

// tcpTargetProtocols are the target group protocols carried over TCP ("" when omitted).
var tcpTargetProtocols = []string{"", "HTTP", "HTTPS", "TCP", "TLS"}

// Check runs the rule.
func (r *BridgeDynamicPortsRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, svc := range m.Services {
			if svc.NetworkMode() != model.ModeBridge || svc.LaunchType != model.LaunchEC2 {
				continue
			}
			var groups []*model.InstanceGroup
			for _, lb := range svc.Blocks("load_balancer") {
				attrs := lb.Body.Attributes
				if !dynamicHostPort(m, svc, attrs["container_name"], attrs["container_port"]) {
					continue
				}
				tgs := m.Config.Resolve(attrs["target_group_arn"], model.TargetGroupTypes...)
				if len(tgs) == 0 || !instanceTargets(m, tgs) {
					continue
				}
				if groups == nil {
					groups = m.ServiceInstances(svc)
				}
				for _, g := range groups {
					if !g.SecurityGroupsComplete || g.SecurityGroupsAttr == nil {
						continue
					}
					if admits, known := m.InterfaceAllowsTCP(model.InterfaceGroups{Groups: g.SecurityGroups, Complete: g.SecurityGroupsComplete}, false, ephemeralLow, ephemeralHigh); !known || admits {
						continue
					}
					e.emitf(g.SecurityGroupsAttr.Expr.Range(), "service %s runs bridge tasks behind target group %s on dynamic host ports, which Docker picks from the instance's ephemeral range (32768-61000 on the ECS-optimized AMI, 49153-65535 otherwise), but these security groups, of %s, admit no TCP port from 32768 to 65535: the load balancer's health checks and traffic never reach the tasks. Add an ingress rule for TCP 32768-65535 from the load balancer's security group", svc.Label(), tgs[0].Label(), g.Description())
				}
			}
		}
	})
}

// instanceTargets reports whether every target group registers instances (the provider's
// default target_type) and carries TCP traffic.
func instanceTargets(m *model.Model, tgs []*config.Resource) bool {
	for _, tg := range tgs {
		if t := tg.Attr("target_type"); m.Config.Set(t) {
			if v, ok := m.Config.String(t); !ok || v != "instance" {
				return false
			}
		}
		protocol := ""
		if p := tg.Attr("protocol"); m.Config.Set(p) {
			v, ok := m.Config.String(p)
			if !ok {
				return false
			}
			protocol = v
		}
		if !slices.Contains(tcpTargetProtocols, protocol) {
			return false
		}
	}
	return true
}
