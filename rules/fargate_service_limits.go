package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ServiceLimitsRule flags awsvpc configurations over AWS's limits, or spread over VPCs.
type ServiceLimitsRule struct{ meta }

// NewServiceLimitsRule returns the rule.
func NewServiceLimitsRule() *ServiceLimitsRule {
	return &ServiceLimitsRule{meta{name: "fargate_service_limits", severity: tflint.ERROR, recommended: true}}
}

// AWS limits of a service's awsvpc configuration and load balancers.
const (
	maxSubnets        = 16
	maxSecurityGroups = 5
	maxTargetGroups   = 5
)

// Check runs the rule.
func (r *ServiceLimitsRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, svc := range m.Services {
			for _, nc := range svc.Blocks("network_configuration") {
				subnets, groups := nc.Body.Attributes["subnets"], nc.Body.Attributes["security_groups"]
				if list, ok := m.Config.Strings(subnets); ok && len(list) > maxSubnets {
					e.emitf(subnets.Expr.Range(), "network_configuration lists %d subnets, but a service may use at most %d: keep one or two per Availability Zone", len(list), maxSubnets)
				}
				if list, ok := m.Config.Strings(groups); ok && len(list) > maxSecurityGroups {
					e.emitf(groups.Expr.Range(), "network_configuration lists %d security groups, but a task's network interface takes at most %d: merge their rules into fewer groups", len(list), maxSecurityGroups)
				}
				checkOneVPC(m, e, subnets, groups)
			}
			lbs := svc.Blocks("load_balancer")
			if len(lbs) > maxTargetGroups && !m.Config.MayHaveDynamic(svc.Resource, "load_balancer") {
				e.emitf(lbs[maxTargetGroups].DefRange, "this service has %d load_balancer blocks, but a service can register in at most %d target groups: remove the extra ones", len(lbs), maxTargetGroups)
			}
		}
	})
}

// checkOneVPC flags subnets, or security groups, that are in different VPCs, and security
// groups in another VPC than the subnets.
func checkOneVPC(m *model.Model, e *emitter, subnets, groups *hclext.Attribute) {
	subnetRefs, _ := m.Config.ResolveEach(subnets, model.TypeSubnet)
	subnetVPCs, subnetsKnown := m.VPCsOf(subnetRefs)
	groupRefs, _ := m.Config.ResolveEach(groups, model.TypeSecurityGroup)
	groupVPCs, groupsKnown := m.VPCsOf(groupRefs)
	if subnetsKnown && len(subnetVPCs) > 1 {
		if a, b, differ := firstDifference(subnetVPCs); differ {
			e.emitf(subnets.Expr.Range(), "these subnets are in different VPCs (%s and %s), but all subnets of a service must be in one VPC: use subnets of the same VPC", model.VPCName(a), model.VPCName(b))
			return
		}
	}
	if groupsKnown && len(groupVPCs) > 1 {
		if a, b, differ := firstDifference(groupVPCs); differ {
			e.emitf(groups.Expr.Range(), "these security groups are in different VPCs (%s and %s), but all security groups of a service must be in one VPC: use groups of the subnets' VPC", model.VPCName(a), model.VPCName(b))
			return
		}
	}
	if subnetsKnown && groupsKnown && len(subnetVPCs) > 0 && len(groupVPCs) > 0 && model.DifferentVPCs(subnetVPCs[0], groupVPCs[0]) {
		e.emitf(groups.Expr.Range(), "these security groups are in VPC %s, but the service's subnets are in VPC %s: a task's security groups must be in its subnets' VPC", model.VPCName(groupVPCs[0]), model.VPCName(subnetVPCs[0]))
	}
}

func firstDifference(keys []string) (a, b string, differ bool) {
	for _, k := range keys[1:] {
		if model.DifferentVPCs(keys[0], k) {
			return keys[0], k, true
		}
	}
	return "", "", false
}
