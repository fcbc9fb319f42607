package rules

import (
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// VPCEndpointSetRule flags endpoint sets that cannot work together in a VPC.
type VPCEndpointSetRule struct{ meta }

// NewVPCEndpointSetRule returns the rule.
func NewVPCEndpointSetRule() *VPCEndpointSetRule {
	return &VPCEndpointSetRule{meta{name: "fargate_vpc_endpoint_set", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *VPCEndpointSetRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		seen := map[[2]string]string{}
		for _, ep := range m.Endpoints {
			if m.ProviderRegion != "" && ep.Region != "" && ep.Region != m.ProviderRegion && ep.Attr("provider") == nil {
				e.emitf(ep.Attr("service_name").Expr.Range(), "this endpoint is for region %s, but the provider creates it in %s, and endpoints do not serve other regions: use com.amazonaws.%s.%s", ep.Region, m.ProviderRegion, m.ProviderRegion, ep.Service)
			}
			if ep.VPC == "" || ep.Service == "" || ep.Type != model.EndpointInterface || !ep.PrivateDNSKnown || !ep.PrivateDNS {
				continue
			}
			key := [2]string{ep.VPC, ep.Service}
			if first, dup := seen[key]; dup {
				e.emitf(ep.Block.DefRange, "endpoint %s is a second private-DNS endpoint for %s in this VPC, after %s: only one endpoint per service can own the private DNS name. Remove one of them", ep.Label(), ep.Service, first)
				continue
			}
			seen[key] = ep.Label()
		}
		checkECRSets(m, e)
	})
}

// checkECRSets flags, in a VPC whose Fargate tasks pull private ECR images from subnets
// without internet, an ECR endpoint set missing a member: ecr.dkr, ecr.api (platform
// 1.4.0) and an S3 Gateway endpoint work only together.
func checkECRSets(m *model.Model, e *emitter) {
	needs := map[string]bool{} // VPC -> needs ecr.api too (platform 1.4.0)
	for _, svc := range m.Services {
		if svc.LaunchType != model.LaunchFargate {
			continue
		}
		routes, _, ok := m.ServiceSubnets(svc)
		if !ok {
			continue
		}
		pullsECR := false
		for _, td := range svc.TaskDefinitions {
			if model.TaskNeeds(td).PrivateECR != "" {
				pullsECR = true
			}
		}
		version, known := m.Config.String(svc.Attr("platform_version"))
		for _, rt := range routes {
			if pullsECR && rt.Egress == model.EgressNone {
				needs[rt.VPC] = needs[rt.VPC] || !known || version != "1.3.0"
			}
		}
	}
	for vpc, needsAPI := range needs {
		endpoints, ok := m.EndpointsIn(vpc)
		if !ok {
			continue
		}
		var anchor *model.Endpoint
		for _, ep := range endpoints {
			if ep.Service == "ecr.dkr" || ep.Service == "ecr.api" {
				anchor = ep
				break
			}
		}
		if anchor == nil {
			continue // fargate_service_egress_path reports a VPC with no ECR endpoint at all
		}
		var missing []string
		if !hasService(endpoints, "ecr.dkr", "") {
			missing = append(missing, "ecr.dkr (image pulls)")
		}
		if needsAPI && !hasService(endpoints, "ecr.api", "") {
			missing = append(missing, "ecr.api (registry authentication, platform 1.4.0)")
		}
		if !hasService(endpoints, "s3", model.EndpointGateway) {
			missing = append(missing, "an S3 Gateway endpoint (image layers)")
		}
		if len(missing) > 0 {
			e.emitf(anchor.Block.DefRange, "Fargate tasks in this VPC pull private ECR images without internet access, and the ECR endpoint set is incomplete: missing %s. Add the missing endpoints to the VPC", joinAnd(missing))
		}
	}
}

// joinAnd joins items as "a, b and c".
func joinAnd(items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	out := ""
	for i, it := range items {
		switch {
		case i == 0:
			out = it
		case i == len(items)-1:
			out += " and " + it
		default:
			out += ", " + it
		}
	}
	return out
}

// joinOr joins items as "a, b or c".
func joinOr(items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}
