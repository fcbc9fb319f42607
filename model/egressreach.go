package model

import (
	"net/netip"
	"slices"
)

// nonPublicRanges are IPv4 ranges that hold no AWS public service address: the private
// ranges of RFC 1918, shared address space (RFC 6598), loopback and link-local. Traffic
// to S3 (image layers, through a gateway endpoint or a NAT gateway), and to any service
// reached through a NAT gateway, goes to public addresses outside them.
var nonPublicRanges = []netip.Prefix{
	netip.MustParsePrefix("10.0.0.0/8"),
	netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("127.0.0.0/8"),
	netip.MustParsePrefix("169.254.0.0/16"),
}

// EgressReachesPublic reports whether the union of an interface's egress rules may let
// TCP traffic on port go to a public address: a rule allowing the port to a CIDR that is
// not within the private ranges, to a prefix list (the S3 gateway endpoint's is one), or
// to an IPv6 range. Security groups named as destinations only hold private interface
// addresses. known is false when a rule that may allow it cannot be read.
func (m *Model) EgressReachesPublic(ifc InterfaceGroups, port int64) (reaches, known bool) {
	rules, ok := m.InterfaceRules(ifc, true)
	if !ok {
		return false, false
	}
	known = true
	for _, r := range rules {
		if !r.Known {
			known = false
			continue
		}
		if !r.AllowsTCP(port) {
			continue
		}
		if !r.PeersKnown {
			known = false
			continue
		}
		if r.PrefixLists || len(r.IPv6CIDRs) > 0 {
			return true, true
		}
		for _, c := range r.CIDRs {
			p, err := netip.ParsePrefix(c)
			if err != nil || !nonPublic(p) {
				return true, true
			}
		}
	}
	return false, known
}

// nonPublic reports whether every address of p is in a non-public range.
func nonPublic(p netip.Prefix) bool {
	if !p.Addr().Is4() {
		return false
	}
	for _, r := range nonPublicRanges {
		if r.Bits() <= p.Bits() && r.Contains(p.Addr()) {
			return true
		}
	}
	return false
}

// EgressReachesEndpoint reports whether the union of an interface's egress rules lets TCP
// on port reach the network interfaces of an Interface endpoint: a rule allowing the port
// to one of the endpoint's security groups, or to CIDRs covering every subnet the
// endpoint is in (0.0.0.0/0 among them). known is false when that cannot be told: a rule,
// the interface's groups, or the endpoint's subnets or groups cannot be read.
func (m *Model) EgressReachesEndpoint(ifc InterfaceGroups, ep *Endpoint, port int64) (reaches, known bool) {
	rules, ok := m.InterfaceRules(ifc, true)
	if !ok {
		return false, false
	}
	subnets, subnetsKnown := m.Config.ResolveList(ep.Attr("subnet_ids"), TypeSubnet)
	var cidrs []netip.Prefix
	for _, s := range subnets {
		text, ok := m.Config.String(s.Attr("cidr_block"))
		p, err := netip.ParsePrefix(text)
		if !ok || err != nil {
			subnetsKnown = false
			continue
		}
		cidrs = append(cidrs, p)
	}
	groups := m.GroupsOf(ep.Attr("security_group_ids"))
	associated, assocKnown := m.HasAssociation(ep, TypeEndpointSecurityGroupAssociation)
	known = true
	for _, r := range rules {
		if !r.Known {
			known = false
			continue
		}
		if !r.AllowsTCP(port) {
			continue
		}
		if !r.PeersKnown || r.PrefixLists || len(r.IPv6CIDRs) > 0 {
			known = false
		}
		for _, g := range r.Groups {
			if slices.Contains(groups.Groups, g) {
				return true, true
			}
		}
		if len(r.Groups) > 0 && (!groups.Complete || associated || !assocKnown) {
			known = false // the endpoint may have that group
		}
		for _, c := range r.CIDRs {
			p, err := netip.ParsePrefix(c)
			if err != nil {
				known = false
				continue
			}
			if p.Bits() == 0 {
				return true, true
			}
			if !subnetsKnown || len(cidrs) == 0 {
				known = false
				continue
			}
			covers := true
			for _, s := range cidrs {
				if !(p.Bits() <= s.Bits() && p.Masked().Contains(s.Addr())) {
					covers = false
				}
			}
			if covers {
				return true, true
			}
		}
	}
	return false, known
}
