package rules

import (
	"slices"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// VPCEndpointPlacementRule flags endpoints placed where tasks cannot use them.
type VPCEndpointPlacementRule struct{ meta }

// NewVPCEndpointPlacementRule returns the rule.
func NewVPCEndpointPlacementRule() *VPCEndpointPlacementRule {
	return &VPCEndpointPlacementRule{meta{name: "fargate_vpc_endpoint_placement", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *VPCEndpointPlacementRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, ep := range m.Endpoints {
			switch ep.Type {
			case model.EndpointInterface:
				if !emptyList(m, ep.Attr("subnet_ids")) {
					continue
				}
				if has, ok := m.HasAssociation(ep, model.TypeEndpointSubnetAssociation); ok && !has {
					e.emit(subject(ep.Resource, "Interface endpoint")+" has no subnet_ids, so it has no network interface for tasks to reach: add the subnets of the tasks (one per Availability Zone)", m.Config.MissingAt(ep.Resource, "subnet_ids"))
				}
			case model.EndpointGateway:
				// An Interface-only service left at Gateway is fargate_vpc_endpoint_type's.
				if slices.Contains(interfaceOnlyServices, ep.Service) || !emptyList(m, ep.Attr("route_table_ids")) {
					continue
				}
				if has, ok := m.HasAssociation(ep, model.TypeEndpointRouteTableAssociation); ok && !has {
					e.emit(subject(ep.Resource, "Gateway endpoint")+" is on no route table (no route_table_ids and no aws_vpc_endpoint_route_table_association), so no subnet routes through it: add the route tables of the tasks' subnets", ep.Block.DefRange)
				}
			}
		}
		checkS3ForECR(m, e)
	})
}

// checkS3ForECR flags an S3 Interface endpoint that is the only S3 endpoint of a VPC
// with an ECR endpoint: ECR's image layers need the Gateway endpoint.
func checkS3ForECR(m *model.Model, e *emitter) {
	for _, ep := range m.Endpoints {
		if ep.Service != "s3" || ep.Type != model.EndpointInterface || ep.VPC == "" {
			continue
		}
		endpoints, ok := m.EndpointsIn(ep.VPC)
		if !ok || !hasService(endpoints, "ecr.dkr", "") || hasService(endpoints, "s3", model.EndpointGateway) {
			continue
		}
		where := ep.Block.DefRange
		if attr := ep.Attr("vpc_endpoint_type"); attr != nil {
			where = attr.Expr.Range()
		}
		e.emit("ECR serves image layers from S3 through a Gateway endpoint only (\"The interface endpoints for Amazon S3 can't be used with Amazon ECR.\"), and this VPC has no S3 Gateway endpoint: add an S3 endpoint with vpc_endpoint_type = \"Gateway\" on the tasks' route tables", where)
	}
}

// hasService reports whether endpoints include one for service, of type typ ("" for any).
func hasService(endpoints []*model.Endpoint, service, typ string) bool {
	for _, ep := range endpoints {
		if ep.Service == service && (typ == "" || ep.Type == typ) {
			return true
		}
	}
	return false
}
