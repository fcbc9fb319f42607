package model

import (
	"strings"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// Endpoint types of aws_vpc_endpoint.
const (
	EndpointInterface = "Interface"
	EndpointGateway   = "Gateway"
)

// Endpoint is one instance of aws_vpc_endpoint with what its attributes say.
type Endpoint struct {
	*config.Resource

	// Service is the AWS service after the region: "ecr.dkr", "s3", "logs"; "" when
	// service_name is not known, or is not an AWS service (com.amazonaws.<region>.<...>).
	Service string
	// Region is the region in service_name, "" when not known.
	Region string
	// Type is vpc_endpoint_type, Gateway when omitted, "" when not known.
	Type string
	// PrivateDNS is private_dns_enabled (false when omitted: the provider sends false);
	// PrivateDNSKnown is false when its value is not known.
	PrivateDNS, PrivateDNSKnown bool
	// VPC is the VPC key of vpc_id ("" when not known).
	VPC string
}

func (m *Model) newEndpoint(r *config.Resource) *Endpoint {
	e := &Endpoint{Resource: r}
	e.Region, e.Service = m.endpointService(r.Attr("service_name"))
	e.Type = EndpointGateway
	if attr := r.Attr("vpc_endpoint_type"); attr != nil && m.Config.Set(attr) {
		e.Type, _ = m.Config.String(attr)
	}
	e.PrivateDNSKnown = true
	if attr := r.Attr("private_dns_enabled"); attr != nil && m.Config.Set(attr) {
		e.PrivateDNS, e.PrivateDNSKnown = m.Config.Bool(attr)
	}
	if vpc, ok := m.VPCKey(r.Attr("vpc_id")); ok {
		e.VPC = vpc
	}
	return e
}

// endpointService reads com.amazonaws.<region>.<service>. When the region part is not
// known ("com.amazonaws.${var.region}.ecr.dkr"), the service still is, from the literal
// text after the interpolation.
func (m *Model) endpointService(attr *hclext.Attribute) (region, service string) {
	if name, ok := m.Config.String(attr); ok {
		rest, found := strings.CutPrefix(name, "com.amazonaws.")
		if !found {
			return "", ""
		}
		region, service, _ = strings.Cut(rest, ".")
		return region, service
	}
	if attr == nil {
		return "", ""
	}
	for mark := range m.Config.Raw(attr.Expr).Marks() {
		if s, ok := mark.(endpointServiceMark); ok {
			return "", string(s)
		}
	}
	tmpl, ok := hcl.UnwrapExpression(attr.Expr).(*hclsyntax.TemplateExpr)
	if !ok || len(tmpl.Parts) < 2 {
		return "", ""
	}
	head, okHead := literalPart(tmpl.Parts[0])
	tail, okTail := literalPart(tmpl.Parts[len(tmpl.Parts)-1])
	if !okHead || !okTail || !strings.HasSuffix(head, "com.amazonaws.") || !strings.HasPrefix(tail, ".") {
		return "", ""
	}
	return "", strings.TrimPrefix(tail, ".")
}

func literalPart(e hclsyntax.Expression) (string, bool) {
	lit, ok := e.(*hclsyntax.LiteralValueExpr)
	if !ok || lit.Val.Type() != cty.String {
		return "", false
	}
	return lit.Val.AsString(), true
}

// EndpointsIn returns the endpoints of a VPC. ok is false when some endpoint of the module
// has a VPC or service that is not known, or endpoints of unknown count may be in this VPC,
// since one may be the one a rule looks for.
func (m *Model) EndpointsIn(vpc string) (endpoints []*Endpoint, ok bool) {
	uncertain, known := m.Config.UnseenReferences(TypeVPCEndpoint, "vpc_id", vpcTypes...)
	ok = known
	if address, isRef := strings.CutPrefix(vpc, "ref:"); (isRef && uncertain[address]) || (!isRef && len(uncertain) > 0) {
		ok = false // a VPC given by id may be any of them
	}
	for _, e := range m.Endpoints {
		if e.VPC == "" || e.Service == "" {
			ok = false
			continue
		}
		if e.VPC == vpc {
			endpoints = append(endpoints, e)
		}
	}
	return endpoints, ok
}

// EndpointRouteTables returns the route tables a Gateway endpoint is associated with,
// through route_table_ids and aws_vpc_endpoint_route_table_association. ok is false when
// one of them cannot be resolved.
func (m *Model) EndpointRouteTables(e *Endpoint) (tables []string, ok bool) {
	ok = true
	if attr := e.Attr("route_table_ids"); attr != nil && m.Config.Set(attr) {
		elems, isList := config.ListElements(attr)
		if !isList {
			ok = false
		}
		for _, elem := range elems {
			table, known := m.routeTableOf(elem)
			if !known {
				ok = false
				continue
			}
			tables = append(tables, table)
		}
	}
	assocs := m.Config.Referrers(TypeEndpointRouteTableAssociation, "vpc_endpoint_id", TypeVPCEndpoint)
	ok = ok && assocs.KnownFor(e.Address())
	for _, a := range assocs.By[e.Address()] {
		if table, known := m.routeTableOf(a.Attr("route_table_id")); known {
			tables = append(tables, table)
		} else {
			ok = false
		}
	}
	return tables, ok
}

// HasAssociation reports whether an association resource of type typ names endpoint e
// (true), none does (false), or one names an endpoint that cannot be resolved (ok false).
func (m *Model) HasAssociation(e *Endpoint, typ string) (has, ok bool) {
	idx := m.Config.Referrers(typ, "vpc_endpoint_id", TypeVPCEndpoint)
	if len(idx.By[e.Address()]) > 0 {
		return true, true
	}
	return false, idx.KnownFor(e.Address())
}

// GatewayRouteTables is EndpointRouteTables reading route_table_ids by value too: a list
// handed in by a variable, a local or a splat, each element a route table of the
// configuration.
func (m *Model) GatewayRouteTables(e *Endpoint) (tables []string, ok bool) {
	tables, ok = m.EndpointRouteTables(e)
	attr := e.Attr("route_table_ids")
	if ok || !m.Config.Set(attr) {
		return tables, ok
	}
	if _, isList := config.ListElements(attr); isList {
		return tables, ok // read element by element already
	}
	assocs := m.Config.Referrers(TypeEndpointRouteTableAssociation, "vpc_endpoint_id", TypeVPCEndpoint)
	tables, ok = nil, assocs.KnownFor(e.Address())
	for _, a := range assocs.By[e.Address()] {
		if table, known := m.routeTableOf(a.Attr("route_table_id")); known {
			tables = append(tables, table)
		} else {
			ok = false
		}
	}
	refs, known := m.Config.ResolveEach(attr, TypeRouteTable, TypeDefaultRouteTable)
	if !known {
		return tables, false
	}
	for _, rs := range refs {
		if len(rs) != 1 {
			ok = false
			continue
		}
		tables = append(tables, rs[0].Address())
	}
	return tables, ok
}
