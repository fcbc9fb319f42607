package rules

import (
	"fmt"
	"slices"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// VPCEndpointBypassedRule flags Interface endpoints without private DNS whose callers do
// not need them to work: tasks and container instances with a NAT or internet gateway
// call the service by its public address, so the endpoint serves nobody and the traffic
// leaves the VPC. (When a caller without internet access needs the endpoint,
// fargate_vpc_endpoint_private_dns reports it as an error.)
type VPCEndpointBypassedRule struct{ meta }

// NewVPCEndpointBypassedRule returns the rule.
func NewVPCEndpointBypassedRule() *VPCEndpointBypassedRule {
	return &VPCEndpointBypassedRule{meta{name: "fargate_vpc_endpoint_bypassed", severity: tflint.WARNING}}
}

// Check runs the rule.
func (r *VPCEndpointBypassedRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, ep := range m.Endpoints {
			if !privateDNSOff(ep) || !endpointBypassed(m, ep) {
				continue
			}
			who := "tasks and container instances in this VPC call " + ep.Service + " by its public address, through their NAT or internet gateway, not through this endpoint: the traffic leaves the VPC and pays for NAT data processing"
			if slices.Contains(agentEndpointServices, ep.Service) {
				who = "the ECS agent on container instances in this VPC calls " + ep.Service + " by its public address, not through this endpoint (Fargate tasks do not call " + ep.Service + ": this endpoint only serves container instances)"
			}
			attr := ep.Attr("private_dns_enabled")
			if attr == nil {
				e.emitWithFix(fmt.Sprintf("private_dns_enabled is not set, and the provider then sends false, so %s. Add private_dns_enabled = true", who),
					ep.Block.DefRange, insertAttribute(ep.Resource, "private_dns_enabled = true"))
				continue
			}
			fix, note := replaceValue(m, attr, "true")
			e.emitMaybeFix(fmt.Sprintf("private_dns_enabled is false, so %s. Set private_dns_enabled = true%s", who, note), attr.Expr.Range(), fix)
		}
	})
}
