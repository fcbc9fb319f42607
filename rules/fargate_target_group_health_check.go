package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// TargetGroupHealthCheckRule flags health checks of a service's target groups that
// cannot reach its tasks.
type TargetGroupHealthCheckRule struct{ meta }

// NewTargetGroupHealthCheckRule returns the rule.
func NewTargetGroupHealthCheckRule() *TargetGroupHealthCheckRule {
	return &TargetGroupHealthCheckRule{meta{name: "fargate_target_group_health_check", severity: tflint.WARNING, recommended: true}}
}

// layer4Protocols are the target group protocols whose health check does not default
// to theirs: the provider's health_check.protocol defaults to HTTP.
var layer4Protocols = []string{"TCP", "TLS", "UDP", "TCP_UDP"}

// Check runs the rule.
func (r *TargetGroupHealthCheckRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, tg := range m.TargetGroups {
			httpSettingsOnTCPCheck(m, e, tg)
		}
		for _, svc := range m.Services {
			for _, lb := range svc.Blocks("load_balancer") {
				dynamic := svc.NetworkMode() == model.ModeBridge && dynamicHostPort(m, svc, lb.Body.Attributes["container_name"], lb.Body.Attributes["container_port"])
				for _, tg := range m.Config.Resolve(lb.Body.Attributes["target_group_arn"], model.TargetGroupTypes...) {
					protocol, protocolKnown := m.Config.String(tg.Attr("protocol"))
					for _, hc := range tg.Blocks("health_check") {
						port := hc.Body.Attributes["port"]
						if p, ok := m.Config.String(port); ok && dynamic && p != "traffic-port" {
							e.emitf(port.Expr.Range(), "health check port %s is fixed, but service %s's bridge tasks get a random host port, so the load balancer checks a port nothing listens on: use port = \"traffic-port\"", p, svc.Label())
						}
						if protocolKnown && slices.Contains(layer4Protocols, protocol) && hc.Body.Attributes["protocol"] == nil {
							e.emitf(hc.DefRange, "target group %s uses %s, but its health_check sets no protocol, so the provider checks with HTTP on \"/\": set protocol = \"TCP\" (or the HTTP path your tasks answer on)", tg.Label(), protocol)
						}
					}
				}
			}
		}
	})
}

// dynamicHostPort reports whether the load-balanced container port is known to get a
// dynamic host port in every task definition instance: its mapping has hostPort 0 or none.
func dynamicHostPort(m *model.Model, svc *model.Service, nameAttr, portAttr *hclext.Attribute) bool {
	name, ok1 := m.Config.String(nameAttr)
	portText, ok2 := m.Config.String(portAttr)
	port, err := strconv.ParseInt(portText, 10, 64)
	if !ok1 || !ok2 || err != nil || len(svc.TaskDefinitions) == 0 {
		return false
	}
	for _, td := range svc.TaskDefinitions {
		c, found, ok := td.Container(name)
		if !ok || !found {
			return false
		}
		pm, ok := model.PortMapping(c, port)
		if !ok || pm == nil {
			return false
		}
		if host := pm.Get("hostPort"); !host.IsNull() {
			if h, ok := host.Int(); !ok || h != 0 {
				return false
			}
		}
	}
	return true
}

// httpOnlySettings are the health_check arguments that only mean something to an HTTP(S)
// or gRPC check.
var httpOnlySettings = []string{"matcher", "path"}

// httpSettingsOnTCPCheck reports a health check whose protocol is known to be TCP and that
// sets matcher or path: one finding, on the first of them.
func httpSettingsOnTCPCheck(m *model.Model, e *emitter, tg *config.Resource) {
	for _, hc := range tg.Blocks("health_check") {
		if p, ok := m.Config.String(hc.Body.Attributes["protocol"]); !ok || !strings.EqualFold(p, "TCP") {
			continue
		}
		var set []string
		var first *hclext.Attribute
		for _, name := range httpOnlySettings {
			if attr := hc.Body.Attributes[name]; attr != nil && m.Config.Set(attr) {
				set = append(set, name)
				if first == nil {
					first = attr
				}
			}
		}
		if first == nil {
			continue
		}
		e.emitf(first.Expr.Range(), "target group %s checks health over TCP, which only opens a connection, so %s cannot apply and the target group is refused (provider: \"health_check.%s is not supported for target_groups with TCP protocol\"): remove %s, or check with protocol = \"HTTP\"",
			tg.Label(), strings.Join(set, " and "), set[0], strings.Join(set, " and "))
	}
}
