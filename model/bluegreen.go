package model

import (
	"slices"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// ForwardTargets returns the target groups a listener (default_action) or listener rule
// (action) forwards to, through target_group_arn or weighted forward blocks. ok is false
// when an action comes from a dynamic block that is not known or a target cannot be
// resolved to one target group instance of the configuration.
func (m *Model) ForwardTargets(r *config.Resource) (tgs []*config.Resource, ok bool) {
	if m.Config.MayHaveDynamic(r, "default_action") || m.Config.MayHaveDynamic(r, "action") ||
		m.Config.MayHaveDynamic(r, "forward") || m.Config.MayHaveDynamic(r, "target_group") {
		return nil, false
	}
	for _, action := range append(r.Blocks("default_action"), r.Blocks("action")...) {
		attrs := []*hclext.Attribute{action.Body.Attributes["target_group_arn"]}
		for _, fwd := range action.Body.Blocks.OfType("forward") {
			for _, tg := range fwd.Body.Blocks.OfType("target_group") {
				attrs = append(attrs, tg.Body.Attributes["arn"])
			}
		}
		for _, attr := range attrs {
			if attr == nil || !m.Config.Set(attr) {
				continue
			}
			rs := m.Config.Resolve(attr, TargetGroupTypes...)
			if len(rs) != 1 {
				return nil, false // none, or an instance that cannot be told
			}
			if !slices.ContainsFunc(tgs, func(t *config.Resource) bool { return t.InstanceAddress() == rs[0].InstanceAddress() }) {
				tgs = append(tgs, rs[0])
			}
		}
	}
	return tgs, true
}

// ListenerOrRule resolves a production_listener_rule or test_listener_rule: the instance
// of a listener rule or listener of the configuration it names, or nil (also when it
// names an instance of a count or for_each block that cannot be told).
func (m *Model) ListenerOrRule(attr *hclext.Attribute) *config.Resource {
	types := append(slices.Clone(ListenerRuleTypes), ListenerTypes...)
	if rs := m.Config.Resolve(attr, types...); len(rs) == 1 {
		return rs[0]
	}
	return nil
}

// IsListener reports whether r is a listener (not a listener rule).
func IsListener(r *config.Resource) bool {
	return slices.Contains(ListenerTypes, r.Type)
}

// ServingTargets counts the target groups a listener rule's weighted forward actions send
// traffic to (weight above 0). ok is false unless every weight is written and known, or
// when actions come from dynamic blocks that are not known.
func (m *Model) ServingTargets(r *config.Resource) (serving int, ok bool) {
	if m.Config.MayHaveDynamic(r, "default_action") || m.Config.MayHaveDynamic(r, "action") ||
		m.Config.MayHaveDynamic(r, "forward") || m.Config.MayHaveDynamic(r, "target_group") {
		return 0, false
	}
	for _, action := range append(r.Blocks("default_action"), r.Blocks("action")...) {
		for _, fwd := range action.Body.Blocks.OfType("forward") {
			for _, tg := range fwd.Body.Blocks.OfType("target_group") {
				w, known := m.Config.Int(tg.Body.Attributes["weight"])
				if !known {
					return 0, false
				}
				if w > 0 {
					serving++
				}
			}
		}
	}
	return serving, true
}
