package rules

import (
	"slices"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// TargetGroupAttachedRule flags target groups a service uses that no listener forwards
// to, and services that may be created before the listener that does.
type TargetGroupAttachedRule struct{ meta }

// NewTargetGroupAttachedRule returns the rule.
func NewTargetGroupAttachedRule() *TargetGroupAttachedRule {
	return &TargetGroupAttachedRule{meta{name: "fargate_target_group_attached", severity: tflint.WARNING, recommended: true}}
}

// Check runs the rule.
func (r *TargetGroupAttachedRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		forwarders, complete := m.Forwarders()
		for _, svc := range m.Services {
			for _, lb := range svc.Blocks("load_balancer") {
				attr := lb.Body.Attributes["target_group_arn"]
				tgs := m.Config.Resolve(attr, model.TargetGroupTypes...)
				if len(tgs) == 0 {
					continue
				}
				via := forwarders[tgs[0].Address()]
				if len(via) == 0 {
					if complete {
						e.emitf(attr.Expr.Range(), "no listener or listener rule forwards to target group %s, so ECS cannot register this service's tasks in it (AWS: \"The target group ... does not have an associated load balancer.\"): add a listener default_action or a listener rule that forwards to it", tgs[0].Label())
					}
					continue
				}
				// Only a listener in the service's own module can be named in its
				// depends_on; across modules the user cannot fix it there.
				if !m.Config.InModuleOf(svc.Resource, via[0]) {
					continue
				}
				if !slices.ContainsFunc(via, func(addr string) bool { return m.Config.DependsOnAddress(svc.Resource, addr) }) {
					where := svc.Block.DefRange
					if d := svc.Attr("depends_on"); d != nil {
						where = d.Expr.Range()
					}
					e.emitf(where, "this service does not depend on %s, which attaches target group %s to the load balancer: Terraform may create the service first and ECS then rejects the target group (\"does not have an associated load balancer\"). Add depends_on = [%s]", via[0], tgs[0].Label(), via[0])
				}
			}
		}
	})
}
