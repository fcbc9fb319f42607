package rules

import (
	"slices"
	"strings"

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
			// One finding per depends_on entry the service lacks, naming every target
			// group that entry would order it after.
			type missing struct {
				listener string
				groups   []string
			}
			var names []string
			lacks := map[string]*missing{}
			for _, lb := range svc.Blocks("load_balancer") {
				attr := lb.Body.Attributes["target_group_arn"]
				tgs := m.Config.Resolve(attr, model.TargetGroupTypes...)
				if len(tgs) == 0 {
					continue
				}
				via := forwarders[tgs[0].Address()]
				if len(via) == 0 {
					// A target group the configuration exports may be attached by one
					// that reads its outputs (a folder linted on its own that a caller
					// uses as a module).
					if complete && !m.Config.Exported(tgs[0].Address()) {
						e.emitf(attr.Expr.Range(), "no listener or listener rule forwards to target group %s, so ECS cannot register this service's tasks in it (AWS: \"The target group ... does not have an associated load balancer.\"): add a listener default_action or a listener rule that forwards to it", tgs[0].Label())
					}
					continue
				}
				// Terraform creates the service after the listener when anything in the
				// service's block leads to it: a reference, a local, a module output, a
				// depends_on (a module call there meaning all of it).
				ordered, known := false, true
				for _, addr := range via {
					after, k := m.Config.CreatedAfter(svc.Resource, addr)
					if after {
						ordered = true
						break
					}
					known = known && k
				}
				if ordered || !known {
					continue
				}
				// The fix is a depends_on entry written in the service's module: only a
				// listener there or in a module it calls can be named.
				name, ok := m.Config.AddressFrom(svc.Resource, via[0])
				if !ok {
					continue
				}
				listener, group := name, tgs[0].InstanceAddress()
				if strings.HasPrefix(name, "module.") {
					// A listener inside a module the service's module calls: named as
					// in that module, with the call to put in depends_on.
					listener = strings.TrimPrefix(via[0], svc.ModulePrefix()+name+".") + " in " + name
				} else {
					group = strings.TrimPrefix(group, svc.ModulePrefix())
				}
				l := lacks[name]
				if l == nil {
					l = &missing{listener: listener}
					lacks[name] = l
					names = append(names, name)
				}
				if !slices.Contains(l.groups, group) {
					l.groups = append(l.groups, group)
				}
			}
			where := svc.Block.DefRange
			if d := svc.Attr("depends_on"); d != nil {
				where = d.Expr.Range()
			}
			if len(names) == 0 {
				continue
			}
			// One finding per service: one depends_on gives every entry it lacks.
			var listeners, groups []string
			for _, name := range names {
				l := lacks[name]
				listeners = append(listeners, l.listener)
				groups = append(groups, l.groups...)
			}
			what := "target group " + groups[0]
			if len(groups) > 1 {
				what = "target groups " + joinAnd(groups)
			}
			verb, them := "attaches", "it"
			if len(listeners) > 1 {
				verb, them = "attach", "them"
			}
			e.emitf(where, "this service does not depend on %s, which %s %s to the load balancer: nothing in the service refers to %s, so Terraform may create the service first and ECS then rejects the target group (\"does not have an associated load balancer\"). Add depends_on = [%s]", joinOr(listeners), verb, what, them, strings.Join(names, ", "))
		}
	})
}
