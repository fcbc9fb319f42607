package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"
	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// VPCDNSRule flags VPCs whose DNS attributes break private DNS for endpoints or Cloud Map.
type VPCDNSRule struct{ meta }

// NewVPCDNSRule returns the rule.
func NewVPCDNSRule() *VPCDNSRule {
	return &VPCDNSRule{meta{name: "fargate_vpc_dns", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *VPCDNSRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, vpc := range m.VPCs() {
			why := privateDNSUser(m, vpc)
			if why == "" {
				continue
			}
			hostnames := vpc.Attr("enable_dns_hostnames")
			defaultOn := vpc.Type == model.TypeDefaultVPC
			switch on, known := m.Config.Bool(hostnames); {
			case hostnames == nil && !defaultOn:
				e.emit("enable_dns_hostnames is not set, so it is false, but "+why+", which needs both enable_dns_hostnames and enable_dns_support: add enable_dns_hostnames = true", m.Config.MissingAt(vpc, "enable_dns_hostnames"))
			case known && !on:
				e.emit("enable_dns_hostnames is false, but "+why+", which needs both enable_dns_hostnames and enable_dns_support: set enable_dns_hostnames = true", hostnames.Expr.Range())
			}
			support := vpc.Attr("enable_dns_support")
			if on, known := m.Config.Bool(support); known && !on {
				e.emit("enable_dns_support is false, but "+why+", which needs the VPC's DNS resolver: set enable_dns_support = true", support.Expr.Range())
			}
		}
	})
}

// privateDNSUser says what in the VPC relies on private DNS, or returns "".
func privateDNSUser(m *model.Model, vpc *config.Resource) string {
	key := "ref:" + vpc.Address()
	for _, ep := range m.Endpoints {
		if ep.VPC == key && ep.Type == model.EndpointInterface && ep.PrivateDNSKnown && ep.PrivateDNS {
			return "the " + ep.Service + " endpoint " + ep.Label() + " uses private DNS"
		}
	}
	for _, ns := range m.PrivateNamespaces() {
		if owner := m.Config.Resolve(ns.Attr("vpc"), model.TypeVPC, model.TypeDefaultVPC); owner != nil && owner[0].Address() == vpc.Address() {
			return "the private DNS namespace " + ns.Label() + " is in this VPC"
		}
	}
	return ""
}
