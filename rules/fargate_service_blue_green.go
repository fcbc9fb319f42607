package rules

import (
	"slices"
	"strings"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ServiceBlueGreenRule flags native ECS blue/green (and linear, canary) deployments whose
// load balancer configuration ECS refuses or rolls back: a load balancer without
// advanced_configuration, listener rules that do not forward to the service's two target
// groups, one rule used for production and test, a listener where an ALB needs a rule.
type ServiceBlueGreenRule struct{ meta }

// NewServiceBlueGreenRule returns the rule.
func NewServiceBlueGreenRule() *ServiceBlueGreenRule {
	return &ServiceBlueGreenRule{meta{name: "fargate_service_blue_green", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *ServiceBlueGreenRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, svc := range m.Services {
			checkAdvancedConfigurationPresent(m, e, svc)
			for _, lb := range svc.Blocks("load_balancer") {
				for _, ac := range lb.Body.Blocks.OfType("advanced_configuration") {
					checkListenerRules(m, e, lb, ac)
				}
			}
		}
	})
}

// checkAdvancedConfigurationPresent reports target group load balancers without
// advanced_configuration when the deployment strategy shifts traffic (not ROLLING), or when
// another load balancer of the service has one.
func checkAdvancedConfigurationPresent(m *model.Model, e *emitter, svc *model.Service) {
	if m.Config.MayHaveDynamic(svc.Resource, "load_balancer") || m.Config.MayHaveDynamic(svc.Resource, "advanced_configuration") {
		return
	}
	strategy := ""
	for _, dc := range svc.Blocks("deployment_configuration") {
		attr := dc.Body.Attributes["strategy"]
		if attr != nil && m.Config.Set(attr) {
			s, ok := m.Config.String(attr)
			if !ok {
				return
			}
			strategy = s
		}
	}
	var with, without []*hclext.Block
	for _, lb := range svc.Blocks("load_balancer") {
		if !m.Config.Set(lb.Body.Attributes["target_group_arn"]) {
			continue // a Classic Load Balancer: fargate_service_classic_elb's
		}
		if len(lb.Body.Blocks.OfType("advanced_configuration")) > 0 {
			with = append(with, lb)
		} else {
			without = append(without, lb)
		}
	}
	shifting := strategy != "" && strategy != "ROLLING"
	for _, lb := range without {
		at := lb.DefRange
		if entry, ok := m.Config.ElementAt(lb); ok {
			at = entry // the load balancer entry a caller passed the module
		}
		switch {
		case shifting:
			e.emitf(at, "service %s deploys with strategy %s, which shifts traffic between two target groups, but this load_balancer has no advanced_configuration (AWS: \"advancedConfiguration field is required for all loadBalancers when using a non-ROLLING deployment strategy\"): add advanced_configuration with alternate_target_group_arn, production_listener_rule and role_arn", svc.Label(), strategy)
		case len(with) > 0:
			e.emitf(at, "another load_balancer of service %s has advanced_configuration and this one has none (AWS: \"Either all or none of the provided loadBalancers must have advancedConfiguration defined\"): add advanced_configuration here, or remove it from the other", svc.Label())
		}
	}
}

// checkListenerRules reports an advanced_configuration whose listener rules ECS cannot use:
// the same rule for production and test, an ALB listener where a listener rule is needed,
// or rules that do not forward to both of the service's target groups, or forward to
// another.
func checkListenerRules(m *model.Model, e *emitter, lb, ac *hclext.Block) {
	prodAttr, testAttr := ac.Body.Attributes["production_listener_rule"], ac.Body.Attributes["test_listener_rule"]
	prod := m.ListenerOrRule(prodAttr)
	if prod == nil {
		return
	}
	var test *config.Resource
	if m.Config.Set(testAttr) {
		if test = m.ListenerOrRule(testAttr); test == nil {
			return
		}
		if test.InstanceAddress() == prod.InstanceAddress() {
			e.emitf(testAttr.Expr.Range(), "test_listener_rule is the production listener rule %s too (AWS: \"The following rules cannot be used as both production and test listener rules: ...\"): give test traffic its own listener rule", prod.Label())
			return
		}
	}
	for _, pair := range []struct {
		r    *config.Resource
		attr *hclext.Attribute
		name string
	}{{prod, prodAttr, "productionListenerRule"}, {test, testAttr, "testListenerRule"}} {
		if pair.r == nil || !model.IsListener(pair.r) {
			continue
		}
		if p, ok := m.Config.String(pair.r.Attr("protocol")); ok && (strings.EqualFold(p, "HTTP") || strings.EqualFold(p, "HTTPS")) {
			e.emitf(pair.attr.Expr.Range(), "%s names listener %s of an Application Load Balancer, and ECS needs one of its listener rules (AWS: \"%s has an invalid ARN format. Must be RuleArn for ALB or ListenerArn for NLB.\"): name an aws_lb_listener_rule that forwards to the service's target groups", pair.name, pair.r.Label(), pair.name)
			return
		}
	}
	primary := oneTargetGroup(m, lb.Body.Attributes["target_group_arn"])
	alternate := oneTargetGroup(m, ac.Body.Attributes["alternate_target_group_arn"])
	if primary == nil || alternate == nil {
		return
	}
	prodTargets, ok := m.ForwardTargets(prod)
	if !ok {
		return
	}
	var testTargets []*config.Resource
	if test != nil {
		if testTargets, ok = m.ForwardTargets(test); !ok {
			return
		}
	}
	for _, tg := range prodTargets {
		if tg.InstanceAddress() != primary.InstanceAddress() && tg.InstanceAddress() != alternate.InstanceAddress() {
			e.emitf(prodAttr.Expr.Range(), "production listener rule %s forwards to target group %s, which is neither this load_balancer's target group %s nor its alternate %s (AWS: \"Production listener rule is forwarding traffic to unexpected target group ...\"): forward only to the service's two target groups", prod.Label(), tg.Label(), primary.Label(), alternate.Label())
			return
		}
	}
	if serving, ok := m.ServingTargets(prod); ok && serving > 1 {
		e.emitf(prodAttr.Expr.Range(), "production listener rule %s sends traffic to %d target groups, and a blue/green deployment starts from one (AWS: \"... should have exactly one target group serving traffic but found %d target groups which are serving traffic\"): give the alternate target group weight = 0", prod.Label(), serving, serving)
		return
	}
	for _, tg := range []*config.Resource{primary, alternate} {
		if hasTarget(prodTargets, tg) || hasTarget(testTargets, tg) {
			continue
		}
		if test == nil && !model.IsListener(prod) {
			e.emitf(prodAttr.Expr.Range(), "production listener rule %s does not forward to target group %s, and there is no test listener rule (AWS: \"For Application LoadBalancer, testListenerRule is required when productionListenerRule is not associated with both targetGroup and alternateTargetGroup\"): forward to both %s and %s from the production rule (the alternate with weight 0), or add a test_listener_rule that forwards to %s", prod.Label(), tg.Label(), primary.Label(), alternate.Label(), tg.Label())
			return
		}
		e.emitf(prodAttr.Expr.Range(), "target group %s is forwarded to by neither the production nor the test listener rule (AWS: \"Target group ... is not associated with either productionListenerRule or testListenerRule.\"): ECS rolls the deployment back. Forward to it from one of them", tg.Label())
		return
	}
}

// oneTargetGroup resolves attr to one target group instance, or nil.
func oneTargetGroup(m *model.Model, attr *hclext.Attribute) *config.Resource {
	if rs := m.Config.Resolve(attr, model.TargetGroupTypes...); len(rs) == 1 {
		return rs[0]
	}
	return nil
}

func hasTarget(list []*config.Resource, tg *config.Resource) bool {
	return slices.ContainsFunc(list, func(r *config.Resource) bool { return r.InstanceAddress() == tg.InstanceAddress() })
}
