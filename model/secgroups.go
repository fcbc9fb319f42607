package model

import (
	"strings"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// SGRule is one ingress or egress rule of a security group. Known is false when its
// protocol or ports are not known.
type SGRule struct {
	Protocol         string
	FromPort, ToPort int64
	Known            bool

	// The peers of the rule: who an ingress rule admits, where an egress rule lets
	// traffic go. CIDRs and IPv6CIDRs are the address ranges it names; Groups the
	// security groups (the rule's own group for self); PrefixLists is true when it names
	// a prefix list. PeersKnown is false when any of them cannot be read.
	CIDRs, IPv6CIDRs []string
	Groups           []*config.Resource
	PrefixLists      bool
	PeersKnown       bool
}

// AllowsTCPRange reports whether the rule certainly admits TCP traffic on some port
// from from to to.
func (r SGRule) AllowsTCPRange(from, to int64) bool {
	if !r.Known {
		return false
	}
	switch strings.ToLower(r.Protocol) {
	case "-1", "all":
		return true
	case "tcp", "6":
		return r.FromPort <= to && from <= r.ToPort
	}
	return false
}

// AllowsTCP reports whether the rule certainly admits TCP traffic on port.
func (r SGRule) AllowsTCP(port int64) bool {
	if !r.Known {
		return false
	}
	switch strings.ToLower(r.Protocol) {
	case "-1", "all":
		return true
	case "tcp", "6":
		return r.FromPort <= port && port <= r.ToPort
	}
	return false
}

// InterfaceGroups are the security groups of one network interface: a task's, a
// container instance's or an endpoint's. AWS applies them together, so traffic is
// allowed when any rule of any of them allows it: every conclusion about what an
// interface admits or lets out is drawn from the union of their rules.
type InterfaceGroups struct {
	Groups []*config.Resource
	// Complete is false when the list is not known, is empty, or has an element that is
	// not one security group of the configuration: a group the model cannot see may
	// allow anything.
	Complete bool
}

// GroupsOf resolves a list of security groups (security_groups, security_group_ids,
// vpc_security_group_ids) to the groups of one interface.
func (m *Model) GroupsOf(attr *hclext.Attribute) InterfaceGroups {
	groups, complete := m.Config.ResolveList(attr, securityGroupRefs...)
	return InterfaceGroups{Groups: groups, Complete: complete}
}

// InterfaceRules returns the union of the ingress (or egress) rules of an interface's
// groups. ok is false when the groups are not complete or a rule that may belong to one
// of them cannot be read.
func (m *Model) InterfaceRules(ifc InterfaceGroups, egress bool) (rules []SGRule, ok bool) {
	if !ifc.Complete {
		return nil, false
	}
	for _, g := range ifc.Groups {
		rs, ok := m.SecurityGroupRules(g, egress)
		if !ok {
			return nil, false
		}
		rules = append(rules, rs...)
	}
	return rules, true
}

// InterfaceAllowsTCP reports whether a rule of the interface's groups certainly allows
// TCP on some port from low to high, inbound (or outbound when egress), from or to any
// peer. known is false when no rule certainly does and one that cannot be read might.
func (m *Model) InterfaceAllowsTCP(ifc InterfaceGroups, egress bool, low, high int64) (allows, known bool) {
	known = ifc.Complete
	for _, g := range ifc.Groups {
		rules, ok := m.SecurityGroupRules(g, egress)
		if !ok {
			known = false
			continue
		}
		for _, rule := range rules {
			if rule.AllowsTCPRange(low, high) {
				return true, true
			}
			if !rule.Known {
				known = false
			}
		}
	}
	return false, known
}

// SecurityGroupRules returns a security group's ingress or egress rules: inline (blocks
// or attribute syntax), aws_security_group_rule, and aws_vpc_security_group_ingress_rule
// or _egress_rule. ok is false when a rule that may belong to the group cannot be read.
func (m *Model) SecurityGroupRules(sg *config.Resource, egress bool) (rules []SGRule, ok bool) {
	kind := "ingress"
	standalone := TypeSecurityGroupIngressRule
	if egress {
		kind, standalone = "egress", TypeSecurityGroupEgressRule
	}
	for _, inst := range m.Config.ByAddress(sg.Address()) {
		if m.Config.MayHaveDynamic(inst, kind) {
			return nil, false
		}
		if attr := inst.Attr(kind); attr != nil {
			v, known := m.Config.Known(attr)
			if !known {
				return nil, false
			}
			for _, elem := range listElements(v) {
				rule := ruleFromValue(elem, "protocol")
				peersFromValue(&rule, elem, inst)
				rules = append(rules, rule)
			}
		}
		for _, b := range inst.Blocks(kind) {
			rule := m.ruleFromAttrs(b.Body.Attributes, "protocol")
			m.readPeers(&rule, b.Body.Attributes, inst)
			rules = append(rules, rule)
		}
	}
	legacy := m.Config.Referrers(TypeSecurityGroupRule, "security_group_id", securityGroupRefs...)
	modern := m.Config.Referrers(standalone, "security_group_id", securityGroupRefs...)
	if !legacy.KnownFor(sg.Address()) || !modern.KnownFor(sg.Address()) {
		return nil, false
	}
	for _, r := range legacy.By[sg.Address()] {
		t, known := m.Config.String(r.Attr("type"))
		if !known {
			return nil, false
		}
		if t == kind {
			rule := m.ruleFromAttrs(r.Block.Body.Attributes, "protocol")
			m.readPeers(&rule, r.Block.Body.Attributes, sg)
			rules = append(rules, rule)
		}
	}
	for _, r := range modern.By[sg.Address()] {
		rule := m.ruleFromAttrs(r.Block.Body.Attributes, "ip_protocol")
		m.readPeers(&rule, r.Block.Body.Attributes, sg)
		rules = append(rules, rule)
	}
	return rules, true
}

func (m *Model) ruleFromAttrs(attrs hclext.Attributes, protocolAttr string) SGRule {
	protocol, ok1 := m.Config.String(attrs[protocolAttr])
	if ok1 && (protocol == "-1" || strings.EqualFold(protocol, "all")) {
		return SGRule{Protocol: protocol, Known: true}
	}
	from, ok2 := m.Config.Int(attrs["from_port"])
	to, ok3 := m.Config.Int(attrs["to_port"])
	return SGRule{Protocol: protocol, FromPort: from, ToPort: to, Known: ok1 && ok2 && ok3}
}

func ruleFromValue(v cty.Value, protocolAttr string) SGRule {
	if !v.Type().IsObjectType() && !v.Type().IsMapType() {
		return SGRule{}
	}
	get := func(name string) cty.Value { return member(v, name) }
	protocol, ok1 := config.ToString(get(protocolAttr))
	if ok1 && (protocol == "-1" || strings.EqualFold(protocol, "all")) {
		return SGRule{Protocol: protocol, Known: true}
	}
	from, ok2 := config.ToInt(get("from_port"))
	to, ok3 := config.ToInt(get("to_port"))
	return SGRule{Protocol: protocol, FromPort: from, ToPort: to, Known: ok1 && ok2 && ok3}
}

// Peer attributes of the three ways to write a rule: inline and aws_security_group_rule
// (lists, source_security_group_id), aws_vpc_security_group_*_rule (one of each).
var (
	peerCIDRAttrs   = []string{"cidr_blocks", "cidr_ipv4"}
	peerIPv6Attrs   = []string{"ipv6_cidr_blocks", "cidr_ipv6"}
	peerPrefixAttrs = []string{"prefix_list_ids", "prefix_list_id"}
	peerGroupAttrs  = []string{"security_groups", "source_security_group_id", "referenced_security_group_id"}
)

// readPeers fills the peers of a rule written with attributes; owner is the security
// group the rule belongs to (for self).
func (m *Model) readPeers(rule *SGRule, attrs hclext.Attributes, owner *config.Resource) {
	rule.PeersKnown = true
	texts := func(names []string) []string {
		var out []string
		for _, name := range names {
			a := attrs[name]
			if a == nil || !m.Config.Set(a) {
				continue
			}
			list, ok := m.Config.Strings(a)
			if !ok {
				one, isText := m.Config.String(a)
				if !isText {
					rule.PeersKnown = false
					continue
				}
				list = []string{one}
			}
			out = append(out, list...)
		}
		return out
	}
	rule.CIDRs = texts(peerCIDRAttrs)
	rule.IPv6CIDRs = texts(peerIPv6Attrs)
	rule.PrefixLists = len(texts(peerPrefixAttrs)) > 0
	for _, name := range peerGroupAttrs {
		a := attrs[name]
		if a == nil || !m.Config.Set(a) {
			continue
		}
		if name == "security_groups" {
			refs, ok := m.Config.ResolveEach(a, securityGroupRefs...)
			if !ok {
				rule.PeersKnown = false
				continue
			}
			for _, rs := range refs {
				if len(rs) != 1 {
					rule.PeersKnown = false
					continue
				}
				rule.Groups = append(rule.Groups, rs[0])
			}
			continue
		}
		if rs := m.Config.Resolve(a, securityGroupRefs...); len(rs) == 1 {
			rule.Groups = append(rule.Groups, rs[0])
		} else {
			rule.PeersKnown = false
		}
	}
	if a := attrs["self"]; a != nil && m.Config.Set(a) {
		self, ok := m.Config.Bool(a)
		switch {
		case !ok:
			rule.PeersKnown = false
		case self:
			rule.Groups = append(rule.Groups, owner)
		}
	}
}

// peersFromValue fills the peers of an inline rule written in attribute syntax. The
// value no longer says which resources it was read from, so a rule naming security
// groups has peers that are not known.
func peersFromValue(rule *SGRule, v cty.Value, owner *config.Resource) {
	rule.PeersKnown = true
	if !v.Type().IsObjectType() && !v.Type().IsMapType() {
		rule.PeersKnown = false
		return
	}
	get := func(name string) []string {
		e := member(v, name)
		if e == cty.NilVal || e.IsNull() {
			return nil
		}
		elems := []cty.Value{e}
		if ty := e.Type(); ty.IsListType() || ty.IsSetType() || ty.IsTupleType() {
			elems = listElements(e)
		}
		var out []string
		for _, item := range elems {
			s, ok := config.ToString(item)
			if !ok {
				rule.PeersKnown = false
				continue
			}
			out = append(out, s)
		}
		return out
	}
	rule.CIDRs = get("cidr_blocks")
	rule.IPv6CIDRs = get("ipv6_cidr_blocks")
	rule.PrefixLists = len(get("prefix_list_ids")) > 0
	if len(get("security_groups")) > 0 {
		rule.PeersKnown = false
	}
	if self := member(v, "self"); self != cty.NilVal && !self.IsNull() && self.Type() == cty.Bool && self.True() {
		rule.Groups = append(rule.Groups, owner)
	}
}

// member returns the attribute name of an object, or the element name of a map, of a
// known value; cty.NilVal when it has none. (Index would panic on an object.)
func member(v cty.Value, name string) cty.Value {
	switch ty := v.Type(); {
	case ty.IsObjectType():
		if !ty.HasAttribute(name) {
			return cty.NilVal
		}
		return v.GetAttr(name)
	case ty.IsMapType():
		if !v.HasIndex(cty.StringVal(name)).True() {
			return cty.NilVal
		}
		return v.Index(cty.StringVal(name))
	}
	return cty.NilVal
}

// listElements returns the elements of a known list, set or tuple.
func listElements(v cty.Value) []cty.Value {
	ty := v.Type()
	if !(ty.IsListType() || ty.IsSetType() || ty.IsTupleType()) || v.IsNull() {
		return nil
	}
	return v.AsValueSlice()
}

// DefaultGroupMayAdmit reports whether the configuration may add ingress rules to a VPC's
// default security group: it manages one with aws_default_security_group, or has an
// ingress rule resource whose security group is not one of the module's own groups.
func (m *Model) DefaultGroupMayAdmit() bool {
	if len(m.Config.OfType(TypeDefaultSecurityGroup)) > 0 || m.Config.MayHaveUnknown(TypeDefaultSecurityGroup) {
		return true
	}
	return !m.Config.Referrers(TypeSecurityGroupRule, "security_group_id", securityGroupRefs...).Complete ||
		!m.Config.Referrers(TypeSecurityGroupIngressRule, "security_group_id", securityGroupRefs...).Complete
}

// TakesInbound reports whether a service may receive traffic from others: it sits
// behind a load balancer, registers in Cloud Map, or takes part in Service Connect
// (or may, when such blocks come from a dynamic block that is not known).
func (m *Model) TakesInbound(s *Service) bool {
	for _, typ := range []string{"load_balancer", "service_registries", "service_connect_configuration"} {
		if !m.Config.Missing(s.Resource, typ) {
			return true
		}
	}
	return false
}

// EgressRulesDecidedAt returns where the caller of the module that defines security group
// sg decides its egress rules: the module argument from which the module creates its
// egress rule resources (aws_vpc_security_group_egress_rule, or aws_security_group_rule
// not written as ingress). ok is false when sg is in the root module, when the module
// writes its group's egress itself, or when its rules come from more than one argument.
func (m *Model) EgressRulesDecidedAt(sg *config.Resource) (hcl.Range, bool) {
	if sg.ModulePrefix() == "" || len(sg.Blocks("egress")) > 0 || sg.Attr("egress") != nil {
		return hcl.Range{}, false
	}
	var at hcl.Range
	found := false
	for _, typ := range []string{TypeSecurityGroupEgressRule, TypeSecurityGroupRule} {
		blocks, complete := m.Config.BlocksNaming(typ, "security_group_id", sg.Address(), securityGroupRefs...)
		if !complete {
			return hcl.Range{}, false
		}
		for _, address := range blocks {
			if typ == TypeSecurityGroupRule && m.Config.WrittenAs(address, "type", "ingress") {
				continue
			}
			rng, ok := m.Config.ExpansionDecidedAt(address)
			if !ok || (found && rng != at) {
				return hcl.Range{}, false
			}
			at, found = rng, true
		}
	}
	return at, found
}
