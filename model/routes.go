package model

import (
	"strings"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// Egress says where a subnet's default route (0.0.0.0/0) leads.
type Egress int

// Kinds of egress.
const (
	// EgressUnknown: a link of the chain cannot be resolved, or the route leads to a
	// target whose reach the model cannot tell (transit gateway, appliance, peering).
	EgressUnknown Egress = iota
	// EgressInternetGateway: a public subnet.
	EgressInternetGateway
	// EgressNAT: a private subnet with a public NAT gateway.
	EgressNAT
	// EgressNone: no default route, or one to a private NAT gateway: no internet.
	EgressNone
)

// SubnetRoute is what the model knows of a subnet's routing.
type SubnetRoute struct {
	Egress Egress
	// Table is the address of the route table the subnet uses, or "main:<vpc>" for a
	// VPC's implicit main route table.
	Table string
	// VPC is the subnet's VPC key.
	VPC string
}

// SubnetRouting works out a subnet's route table (explicit association, else the main
// route table of its VPC) and where its default route leads.
func (m *Model) SubnetRouting(subnet *config.Resource) SubnetRoute {
	vpc, ok := m.VPCKey(subnet.Attr("vpc_id"))
	if !ok {
		return SubnetRoute{}
	}
	table, ok := m.subnetTable(subnet, vpc)
	if !ok {
		return SubnetRoute{VPC: vpc}
	}
	return SubnetRoute{Egress: m.tableEgress(table, vpc), Table: table, VPC: vpc}
}

// subnetTable returns the route table a subnet uses.
func (m *Model) subnetTable(subnet *config.Resource, vpc string) (string, bool) {
	assocs := m.Config.Referrers(TypeRouteTableAssociation, "subnet_id", TypeSubnet)
	if !assocs.KnownFor(subnet.Address()) {
		return "", false // an association we cannot place may be this subnet's
	}
	for _, a := range assocs.By[subnet.Address()] {
		return m.routeTableOf(a.Attr("route_table_id"))
	}
	return m.mainTable(vpc)
}

// mainTable returns the main route table of a VPC of the module.
func (m *Model) mainTable(vpc string) (string, bool) {
	vpcAddr, isRef := strings.CutPrefix(vpc, "ref:")
	if !isRef || m.Config.DeclaredType(vpcAddr) != TypeVPC {
		return "", false // a default VPC, or one outside the configuration
	}
	if m.Config.MayHaveUnknown(TypeMainRouteTableAssociation, TypeDefaultRouteTable) {
		return "", false
	}
	for _, a := range m.Config.OfType(TypeMainRouteTableAssociation) {
		key, ok := m.VPCKey(a.Attr("vpc_id"))
		if !ok {
			return "", false
		}
		if key != vpc {
			continue
		}
		rt := m.Config.Resolve(a.Attr("route_table_id"), TypeRouteTable, TypeDefaultRouteTable)
		if rt == nil {
			return "", false
		}
		return rt[0].Address(), true
	}
	for _, d := range m.Config.OfType(TypeDefaultRouteTable) {
		owner := m.Config.Resolve(d.Attr("default_route_table_id"), TypeVPC)
		if owner == nil {
			return "", false
		}
		if "ref:"+owner[0].Address() == vpc {
			return d.Address(), true
		}
	}
	return "main:" + vpc, true
}

// route is one route: its IPv4 destination and the attributes that name its target.
type route struct {
	destination string
	targets     map[string]*hclext.Attribute
}

// tableRoutes returns the routes of a route table: inline routes and aws_route
// resources. ok is false when any of them cannot be read.
func (m *Model) tableRoutes(table, vpc string) (routes []route, ok bool) {
	for _, rt := range m.Config.ByAddress(table) {
		if m.Config.MayHaveDynamic(rt, "route") {
			return nil, false
		}
		if attr := rt.Attr("route"); attr != nil {
			if v, known := m.Config.Known(attr); !known || v.LengthInt() > 0 {
				return nil, false // attribute syntax with routes: not read
			}
		}
		for _, b := range rt.Blocks("route") {
			dest, known := m.Config.String(b.Body.Attributes["cidr_block"])
			if !known && m.Config.Set(b.Body.Attributes["cidr_block"]) {
				return nil, false
			}
			routes = append(routes, route{destination: dest, targets: b.Body.Attributes})
		}
	}
	idx := m.routeResources()
	if !idx.complete || idx.uncertain[table] {
		return nil, false
	}
	for _, r := range idx.by[table] {
		dest, known := m.Config.String(r.Attr("destination_cidr_block"))
		if !known && m.Config.Set(r.Attr("destination_cidr_block")) {
			return nil, false
		}
		routes = append(routes, route{destination: dest, targets: r.Block.Body.Attributes})
	}
	return routes, true
}

// tableEgress classifies where a route table's default route leads.
func (m *Model) tableEgress(table, vpc string) Egress {
	routes, ok := m.tableRoutes(table, vpc)
	if !ok {
		return EgressUnknown
	}
	egress := EgressNone
	for _, rt := range routes {
		if rt.destination != "0.0.0.0/0" {
			continue
		}
		switch kind := m.routeTarget(rt.targets); kind {
		case EgressInternetGateway, EgressNAT:
			return kind
		case EgressUnknown:
			egress = EgressUnknown
		}
	}
	return egress
}

// routeTarget classifies a default route's target.
func (m *Model) routeTarget(targets map[string]*hclext.Attribute) Egress {
	for name, attr := range targets {
		if attr == nil || !m.Config.Set(attr) || name == "cidr_block" || name == "ipv6_cidr_block" ||
			name == "destination_cidr_block" || name == "destination_ipv6_cidr_block" || name == "route_table_id" ||
			name == "destination_prefix_list_id" {
			continue
		}
		switch name {
		case "gateway_id":
			if m.Config.Resolve(attr, TypeInternetGateway) != nil {
				return EgressInternetGateway
			}
			if id, ok := m.Config.String(attr); ok && strings.HasPrefix(id, "igw-") {
				return EgressInternetGateway
			}
			return EgressUnknown
		case "nat_gateway_id":
			nats := m.Config.Resolve(attr, TypeNATGateway)
			if nats == nil {
				return EgressUnknown
			}
			kind, ok := "public", true
			if c := nats[0].Attr("connectivity_type"); c != nil && m.Config.Set(c) {
				kind, ok = m.Config.String(c)
			}
			switch {
			case !ok:
				return EgressUnknown
			case kind == "private":
				return EgressNone
			}
			return EgressNAT
		default:
			return EgressUnknown
		}
	}
	return EgressUnknown
}

// ServiceSubnets returns the routing of each subnet in a service's
// network_configuration; ok is false when a subnet is not a resource of the module or
// its routing cannot be told.
func (m *Model) ServiceSubnets(s *Service) (routes []SubnetRoute, names []string, ok bool) {
	if s.subnets == nil {
		r, n, known := m.serviceSubnets(s)
		s.subnets = &serviceSubnets{routes: r, names: n, ok: known}
	}
	return s.subnets.routes, s.subnets.names, s.subnets.ok
}

// serviceSubnets is the routing of a service's subnets, worked out once.
type serviceSubnets struct {
	routes []SubnetRoute
	names  []string
	ok     bool
}

func (m *Model) serviceSubnets(s *Service) (routes []SubnetRoute, names []string, ok bool) {
	blocks := s.Blocks("network_configuration")
	if len(blocks) == 0 {
		return nil, nil, false
	}
	refs, isList := m.Config.ResolveEach(blocks[0].Body.Attributes["subnets"], TypeSubnet)
	if !isList || len(refs) == 0 {
		return nil, nil, false
	}
	for _, rs := range refs {
		if rs == nil {
			return nil, nil, false
		}
		for _, r := range rs {
			route := m.SubnetRouting(r)
			if route.Egress == EgressUnknown {
				return nil, nil, false
			}
			routes = append(routes, route)
			names = append(names, r.Address())
		}
	}
	return routes, names, true
}

// routeIndex lists the aws_route resources of each route table.
type routeIndex struct {
	by map[string][]*config.Resource
	// complete is false when a route may belong to any table; uncertain are the tables
	// that routes of unknown count belong to.
	complete  bool
	uncertain map[string]bool
}

// routeResources indexes aws_route resources by the route table they belong to, once.
func (m *Model) routeResources() *routeIndex {
	if m.routes != nil {
		return m.routes
	}
	uncertain, known := m.Config.UnseenReferences(TypeRoute, "route_table_id", TypeRouteTable, TypeDefaultRouteTable)
	idx := &routeIndex{by: map[string][]*config.Resource{}, complete: known, uncertain: uncertain}
	for _, r := range m.Config.OfType(TypeRoute) {
		owner, ok := m.routeTableOf(r.Attr("route_table_id"))
		if !ok {
			idx.complete = false
			continue
		}
		idx.by[owner] = append(idx.by[owner], r)
	}
	m.routes = idx
	return idx
}

// ServiceSubnetResources returns the subnets of a service's network_configuration, in
// the order ServiceSubnets gives their routing; nil when ServiceSubnets is not ok.
func (m *Model) ServiceSubnetResources(s *Service) []*config.Resource {
	if _, _, ok := m.ServiceSubnets(s); !ok {
		return nil
	}
	refs, _ := m.Config.ResolveEach(s.Blocks("network_configuration")[0].Body.Attributes["subnets"], TypeSubnet)
	var out []*config.Resource
	for _, rs := range refs {
		out = append(out, rs...)
	}
	return out
}

// MayReachIPv6Internet reports whether a subnet's route table may send IPv6 traffic to
// the internet: it has a ::/0 route to an internet gateway or an egress-only internet
// gateway, or the model cannot tell (a route it cannot read, a target it cannot place).
// Rules use it to stay silent where IPv6 may carry what IPv4 cannot.
func (m *Model) MayReachIPv6Internet(subnet *config.Resource) bool {
	vpc, ok := m.VPCKey(subnet.Attr("vpc_id"))
	if !ok {
		return true
	}
	table, ok := m.subnetTable(subnet, vpc)
	if !ok {
		return true
	}
	routes, ok := m.tableRoutes(table, vpc)
	if !ok {
		return true
	}
	for _, rt := range routes {
		dest := rt.targets["ipv6_cidr_block"]
		if dest == nil {
			dest = rt.targets["destination_ipv6_cidr_block"]
		}
		if dest == nil || !m.Config.Set(dest) {
			continue
		}
		if d, known := m.Config.String(dest); known && d != "::/0" {
			continue
		}
		// A default IPv6 route (or one whose destination is not known): whatever its
		// target, the model cannot say it does not lead out.
		return true
	}
	return false
}

// SubnetMayUseIPv6 reports whether instances and tasks in a subnet may reach the
// internet over IPv6: the subnet may have an IPv6 CIDR, and its route table may route
// IPv6 out (see MayReachIPv6Internet).
func (m *Model) SubnetMayUseIPv6(subnet *config.Resource) bool {
	return m.Config.Set(subnet.Attr("ipv6_cidr_block")) && m.MayReachIPv6Internet(subnet)
}

// TaskMayUseIPv6 reports whether the tasks of a Fargate service may get an IPv6 address
// in subnet and reach the internet with it: the subnet may use IPv6, the platform
// version is not 1.3.0 (dual stack needs 1.4.0), and the account setting dualStackIPv6
// is not known to be disabled.
func (m *Model) TaskMayUseIPv6(s *Service, subnet *config.Resource) bool {
	if !m.SubnetMayUseIPv6(subnet) {
		return false
	}
	if v, ok := m.Config.String(s.Attr("platform_version")); ok && v == "1.3.0" {
		return false
	}
	for _, setting := range m.Config.OfType(TypeAccountSetting) {
		name, ok1 := m.Config.String(setting.Attr("name"))
		value, ok2 := m.Config.String(setting.Attr("value"))
		if ok1 && ok2 && name == "dualStackIPv6" && value == "disabled" {
			return false
		}
	}
	return true
}

// routeTableOf names the route table a route_table_id designates: a route table of the
// module, or the main route table of a VPC of the module (main_route_table_id,
// default_route_table_id).
func (m *Model) routeTableOf(attr *hclext.Attribute) (string, bool) {
	if rt := m.Config.Resolve(attr, TypeRouteTable, TypeDefaultRouteTable); rt != nil {
		return rt[0].Address(), true
	}
	if vpcs := m.Config.Resolve(attr, TypeVPC); vpcs != nil {
		if tr, ok := config.TraversalOf(attr); ok && len(tr) >= 3 {
			if name := config.LastAttr(tr); name == "main_route_table_id" || name == "default_route_table_id" {
				return m.mainTable("ref:" + vpcs[0].Address())
			}
		}
	}
	return "", false
}
