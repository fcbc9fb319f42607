package rules

import (
	"fmt"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/iampolicy"
	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// VPCEndpointPolicyRule flags endpoint policies that refuse the image pulls of the tasks
// and container instances behind the endpoint: the S3 Gateway endpoint's policy for ECR's
// layer bucket, the ecr.api and ecr.dkr endpoints' policies for the pull actions.
type VPCEndpointPolicyRule struct{ meta }

// NewVPCEndpointPolicyRule returns the rule.
func NewVPCEndpointPolicyRule() *VPCEndpointPolicyRule {
	return &VPCEndpointPolicyRule{meta{name: "fargate_vpc_endpoint_policy", severity: tflint.ERROR, recommended: true}}
}

// layerObject is an object of the bucket ECR serves image layers from, in a region.
func layerObject(region string) string {
	return "arn:aws:s3:::prod-" + region + "-starport-layer-bucket/sha256/0123456789abcdef"
}

// Check runs the rule.
func (r *VPCEndpointPolicyRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		var callers []*model.Caller
		read := false
		for _, ep := range m.Endpoints {
			isLayers := ep.Service == "s3" && ep.Type == model.EndpointGateway
			isECR := (ep.Service == "ecr.api" || ep.Service == "ecr.dkr") && ep.Type == model.EndpointInterface
			if !isLayers && !isECR {
				continue
			}
			policy := m.EndpointPolicy(ep)
			if policy.Attr == nil {
				continue // AWS's default policy allows everything
			}
			if !read {
				callers, read = m.Callers(), true
			}
			region := ep.Region
			if region == "" {
				region = m.ProviderRegion
			}
			if region == "" {
				continue
			}
			if isLayers {
				checkLayerPolicy(m, e, ep, policy, region, callers)
			} else {
				checkPullPolicy(m, e, ep, policy, region, callers)
			}
		}
	})
}

// checkLayerPolicy flags an S3 Gateway endpoint policy that refuses ECR's layer bucket
// to callers whose route tables send S3 traffic through the endpoint.
func checkLayerPolicy(m *model.Model, e *emitter, ep *model.Endpoint, policy *model.EndpointPolicy, region string, callers []*model.Caller) {
	if strings.HasPrefix(region, "cn-") || strings.HasPrefix(region, "us-gov-") {
		return // the layer bucket of other partitions is not documented
	}
	tables, _ := m.GatewayRouteTables(ep)
	var users []string
	for _, c := range callers {
		if !pullsFrom(c, region) {
			continue // a gateway endpoint only carries its own region's S3 traffic
		}
		for _, s := range c.Subnets {
			if t := m.SubnetRouting(s).Table; t != "" && containsString(tables, t) {
				users = append(users, c.Label)
				break
			}
		}
	}
	if len(users) == 0 {
		return
	}
	bucket := "arn:aws:s3:::prod-" + region + "-starport-layer-bucket/*"
	switch policy.Decide(iampolicy.Request{Action: "s3:GetObject", Resource: layerObject(region)}) {
	case iampolicy.ExplicitDeny:
		e.emitf(policy.Attr.Expr.Range(), "this S3 Gateway endpoint policy denies s3:GetObject on %s, the bucket ECR serves image layers from, and the private ECR image pulls of %s go through the endpoint: every pull fails (CannotPullContainerError). Exempt that bucket's objects from the deny", bucket, joinAnd(users))
	case iampolicy.ImplicitDeny:
		e.emitf(policy.Attr.Expr.Range(), "this S3 Gateway endpoint policy does not allow s3:GetObject on %s, the bucket ECR serves image layers from, and the private ECR image pulls of %s go through the endpoint: every pull fails (CannotPullContainerError). Add a statement allowing s3:GetObject on %s to all principals", bucket, joinAnd(users), bucket)
	}
}

// checkPullPolicy flags an ecr.api or ecr.dkr endpoint policy that refuses what an image
// pull asks of it: a registry token (ecr.api), the image manifest and its layers'
// download addresses (ecr.dkr).
func checkPullPolicy(m *model.Model, e *emitter, ep *model.Endpoint, policy *model.EndpointPolicy, region string, callers []*model.Caller) {
	if !ep.PrivateDNSKnown || !ep.PrivateDNS {
		return // without private DNS, pulls do not use the endpoint
	}
	for _, c := range callers {
		if _, pulls := c.Needs["ecr.dkr"]; !pulls {
			continue
		}
		if vpc, ok := m.CallerVPC(c); !ok || vpc != ep.VPC {
			continue
		}
		for _, image := range c.Images {
			imageRegion, repo, ok := model.ECRRepository(image)
			if !ok || imageRegion != region {
				continue
			}
			requests := []iampolicy.Request{{Action: "ecr:GetAuthorizationToken", Resource: "*"}}
			if ep.Service == "ecr.dkr" {
				requests = []iampolicy.Request{{Action: "ecr:BatchGetImage", Resource: repo}, {Action: "ecr:GetDownloadUrlForLayer", Resource: repo}}
			}
			for _, req := range requests {
				verb := ""
				switch policy.Decide(req) {
				case iampolicy.ExplicitDeny:
					verb = "denies"
				case iampolicy.ImplicitDeny:
					verb = "does not allow"
				default:
					continue
				}
				e.emitf(policy.Attr.Expr.Range(), "this %s endpoint policy %s %s on %s, which the pull of %s by %s needs: the pull fails (CannotPullContainerError). %s", ep.Service, verb, req.Action, req.Resource, image, c.Label, pullFix(ep.Service, repo))
				return
			}
		}
	}
}

// pullsFrom reports whether a caller pulls a private ECR image from region.
func pullsFrom(c *model.Caller, region string) bool {
	for _, image := range c.Images {
		if r, _, ok := model.ECRRepository(image); ok && r == region {
			return true
		}
	}
	return false
}

// pullFix says what an ECR endpoint policy must allow.
func pullFix(service, repo string) string {
	if service == "ecr.api" {
		return `Allow ecr:GetAuthorizationToken on "*" to all principals`
	}
	return fmt.Sprintf("Allow ecr:BatchGetImage and ecr:GetDownloadUrlForLayer on %s to all principals", repo)
}
