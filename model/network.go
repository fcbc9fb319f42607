package model

import (
	"slices"
	"strings"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// VPC types a vpc_id can reference.
var vpcTypes = []string{"aws_vpc", "aws_default_vpc"}

// VPCKey names the VPC an attribute (a vpc_id) designates: "ref:aws_vpc.main" for a
// reference to a VPC of the module, "id:vpc-0abc" for a known id. ok is false when it
// cannot be told. Compare keys with DifferentVPCs.
func (m *Model) VPCKey(attr *hclext.Attribute) (string, bool) {
	if rs := m.Config.Resolve(attr, vpcTypes...); rs != nil {
		return "ref:" + rs[0].Address(), true
	}
	id, ok := m.Config.String(attr)
	return "id:" + id, ok
}

// DifferentVPCs reports whether two VPC keys certainly designate different VPCs: a
// reference and a literal id may be the same VPC, so only keys of one kind compare.
func DifferentVPCs(a, b string) bool {
	return a[:3] == b[:3] && a != b
}

// VPCsOf returns the VPC key of each resource in refs (subnets or security groups), in
// order; ok is false when any of them cannot be told.
func (m *Model) VPCsOf(refs [][]*config.Resource) (keys []string, ok bool) {
	for _, rs := range refs {
		if rs == nil {
			return nil, false
		}
		key, known := m.VPCKey(rs[0].Attr("vpc_id"))
		if !known {
			return nil, false
		}
		for _, r := range rs[1:] {
			if other, known := m.VPCKey(r.Attr("vpc_id")); !known || other != key {
				return nil, false
			}
		}
		keys = append(keys, key)
	}
	return keys, true
}

// VPCName shows a VPC key to users: aws_vpc.main, or vpc-0abc.
func VPCName(key string) string {
	return strings.TrimPrefix(strings.TrimPrefix(key, "ref:"), "id:")
}

// Forwarders maps each target group address to the listeners and listener rules of the
// module that forward to it (default_action, action, weighted forward blocks).
// complete is false when some forward target cannot be resolved, so a target group
// with no forwarder may still have one.
func (m *Model) Forwarders() (forwarders map[string][]string, complete bool) {
	forwarders = map[string][]string{}
	complete = !m.Config.MayHaveUnknown(ListenerTypes...) && !m.Config.MayHaveUnknown(ListenerRuleTypes...)
	for _, types := range [][]string{ListenerTypes, ListenerRuleTypes} {
		for _, t := range types {
			for _, r := range m.Config.OfType(t) {
				for _, action := range append(r.Blocks("default_action"), r.Blocks("action")...) {
					targets := []*hclext.Attribute{action.Body.Attributes["target_group_arn"]}
					for _, fwd := range action.Body.Blocks.OfType("forward") {
						for _, tg := range fwd.Body.Blocks.OfType("target_group") {
							targets = append(targets, tg.Body.Attributes["arn"])
						}
					}
					for _, attr := range targets {
						if attr == nil {
							continue
						}
						tgs := m.Config.Resolve(attr, TargetGroupTypes...)
						if len(tgs) == 0 {
							complete = false
							continue
						}
						addr := tgs[0].Address()
						if !slices.Contains(forwarders[addr], r.Address()) {
							forwarders[addr] = append(forwarders[addr], r.Address())
						}
					}
				}
				if m.Config.MayHaveDynamic(r, "default_action") || m.Config.MayHaveDynamic(r, "action") {
					complete = false
				}
			}
		}
	}
	return forwarders, complete
}

// VPCs returns the aws_vpc and aws_default_vpc instances of the module.
func (m *Model) VPCs() []*config.Resource {
	return append(append([]*config.Resource(nil), m.Config.OfType(TypeVPC)...), m.Config.OfType(TypeDefaultVPC)...)
}

// PrivateNamespaces returns the Cloud Map private DNS namespaces of the module.
func (m *Model) PrivateNamespaces() []*config.Resource {
	return m.Config.OfType(TypePrivateDNSNamespace)
}
