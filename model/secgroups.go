package model

import (
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// SGRule is one ingress or egress rule of a security group. Known is false when its
// protocol or ports are not known.
type SGRule struct {
	Protocol         string
	FromPort, ToPort int64
	Known            bool
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

// SecurityGroupRules returns a security group's ingress or egress rules: inline (blocks
// or attribute syntax), aws_security_group_rule, and aws_vpc_security_group_ingress_rule
// or _egress_rule. ok is false when a rule that may belong to the group cannot be read.
func (m *Config) SecurityGroupRules(sg *Resource, egress bool) (rules []SGRule, ok bool) {
	kind := "ingress"
	standalone := TypeSecurityGroupIngressRule
	if egress {
		kind, standalone = "egress", TypeSecurityGroupEgressRule
	}
	for _, inst := range m.byAddress[sg.Address()] {
		if m.MayHaveDynamic(inst, kind) {
			return nil, false
		}
		if attr := inst.Attr(kind); attr != nil {
			v, known := m.Known(attr)
			if !known {
				return nil, false
			}
			for _, elem := range listElements(v) {
				rules = append(rules, ruleFromValue(elem, "protocol"))
			}
		}
		for _, b := range inst.Blocks(kind) {
			rules = append(rules, m.ruleFromAttrs(b.Body.Attributes, "protocol"))
		}
	}
	legacy := m.referrers(TypeSecurityGroupRule, "security_group_id", TypeSecurityGroup)
	modern := m.referrers(standalone, "security_group_id", TypeSecurityGroup)
	if !legacy.complete || !modern.complete {
		return nil, false
	}
	for _, r := range legacy.by[sg.Address()] {
		t, known := m.String(r.Attr("type"))
		if !known {
			return nil, false
		}
		if t == kind {
			rules = append(rules, m.ruleFromAttrs(r.Block.Body.Attributes, "protocol"))
		}
	}
	for _, r := range modern.by[sg.Address()] {
		rules = append(rules, m.ruleFromAttrs(r.Block.Body.Attributes, "ip_protocol"))
	}
	return rules, true
}

func (m *Config) ruleFromAttrs(attrs hclext.Attributes, protocolAttr string) SGRule {
	protocol, ok1 := m.String(attrs[protocolAttr])
	if ok1 && (protocol == "-1" || strings.EqualFold(protocol, "all")) {
		return SGRule{Protocol: protocol, Known: true}
	}
	from, ok2 := m.Int(attrs["from_port"])
	to, ok3 := m.Int(attrs["to_port"])
	return SGRule{Protocol: protocol, FromPort: from, ToPort: to, Known: ok1 && ok2 && ok3}
}

func ruleFromValue(v cty.Value, protocolAttr string) SGRule {
	if !v.Type().IsObjectType() && !v.Type().IsMapType() {
		return SGRule{}
	}
	get := func(name string) cty.Value {
		if v.Type().IsObjectType() && !v.Type().HasAttribute(name) {
			return cty.NilVal
		}
		if v.Type().IsMapType() && !v.HasIndex(cty.StringVal(name)).True() {
			return cty.NilVal
		}
		return v.Index(cty.StringVal(name))
	}
	protocol, ok1 := ctyString(get(protocolAttr))
	if ok1 && (protocol == "-1" || strings.EqualFold(protocol, "all")) {
		return SGRule{Protocol: protocol, Known: true}
	}
	from, ok2 := ctyInt(get("from_port"))
	to, ok3 := ctyInt(get("to_port"))
	return SGRule{Protocol: protocol, FromPort: from, ToPort: to, Known: ok1 && ok2 && ok3}
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
func (m *Config) DefaultGroupMayAdmit() bool {
	if len(m.byType[TypeDefaultSecurityGroup]) > 0 || m.MayHaveUnknown(TypeDefaultSecurityGroup) {
		return true
	}
	return !m.referrers(TypeSecurityGroupRule, "security_group_id", TypeSecurityGroup).complete ||
		!m.referrers(TypeSecurityGroupIngressRule, "security_group_id", TypeSecurityGroup).complete
}

// TakesInbound reports whether a service may receive traffic from others: it sits
// behind a load balancer, registers in Cloud Map, or takes part in Service Connect
// (or may, when such blocks come from a dynamic block that is not known).
func (m *Config) TakesInbound(s *Service) bool {
	for _, typ := range []string{"load_balancer", "service_registries", "service_connect_configuration"} {
		if !m.Missing(s.Resource, typ) {
			return true
		}
	}
	return false
}
