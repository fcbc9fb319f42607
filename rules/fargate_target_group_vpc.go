package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// TargetGroupVPCRule flags a service's target group in another VPC than its subnets.
type TargetGroupVPCRule struct{ meta }

// NewTargetGroupVPCRule returns the rule.
func NewTargetGroupVPCRule() *TargetGroupVPCRule {
	return &TargetGroupVPCRule{meta{name: "fargate_target_group_vpc", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *TargetGroupVPCRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, svc := range m.Services {
			vpc, ok := subnetsVPC(m, svc)
			if !ok {
				continue
			}
			for _, lb := range svc.Blocks("load_balancer") {
				for _, tg := range m.Config.Resolve(lb.Body.Attributes["target_group_arn"], model.TargetGroupTypes...) {
					attr := tg.Attr("vpc_id")
					tgVPC, known := m.VPCKey(attr)
					if known && model.DifferentVPCs(tgVPC, vpc) {
						e.emitf(attr.Expr.Range(), "target group %s is in VPC %s, but service %s runs its tasks in subnets of VPC %s: the load balancer can only reach targets in its own VPC. Use the subnets' VPC", tg.Label(), model.VPCName(tgVPC), svc.Label(), model.VPCName(vpc))
					}
				}
			}
		}
	})
}

// subnetsVPC returns the one VPC all of a service's subnets are known to be in.
func subnetsVPC(m *model.Model, svc *model.Service) (string, bool) {
	for _, nc := range svc.Blocks("network_configuration") {
		refs, _ := m.Config.ResolveEach(nc.Body.Attributes["subnets"], model.TypeSubnet)
		vpcs, ok := m.VPCsOf(refs)
		if !ok || len(vpcs) == 0 {
			return "", false
		}
		for _, v := range vpcs[1:] {
			if v != vpcs[0] {
				return "", false
			}
		}
		return vpcs[0], true
	}
	return "", false
}
