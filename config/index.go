package config

import (
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// Referrers returns, for resources of type typ, which resource of targets their attribute
// attr references, built once per configuration so callers do not rescan every resource
// for each question. A resource whose count or for_each is not known may have instances
// the configuration cannot see; when its attribute does not depend on the instance
// (security_group_id = aws_security_group.app.id), they reference that target only, which
// is Uncertain, and the others stay known.
func (m *Config) Referrers(typ, attr string, targets ...string) Referrers {
	key := referrerKey{typ, attr}
	if idx, ok := m.indexes[key]; ok {
		return idx
	}
	idx := Referrers{By: map[string][]*Resource{}, Complete: true}
	for _, r := range m.byType[typ] {
		a := r.Attr(attr)
		target := m.Resolve(a, targets...)
		if target == nil {
			if a != nil && m.Set(a) {
				idx.Complete = false
			}
			continue
		}
		addr := target[0].Address()
		idx.By[addr] = append(idx.By[addr], r)
	}
	uncertain, known := m.UnseenReferences(typ, attr, targets...)
	idx.Uncertain = uncertain
	idx.Complete = idx.Complete && known
	m.indexes[key] = idx
	return idx
}

// UnseenReferences returns what the instances of resources of type typ that the
// configuration cannot see (a count or for_each not known) reference by attribute attr:
// the resources of targets they name, when each such block names one whatever its
// instances. known is false when one may name anything: its attribute depends on the
// instance or does not resolve, or a module call could not be followed.
// It is worked out once per type and attribute; callers must not change it.
func (m *Config) UnseenReferences(typ, attr string, targets ...string) (uncertain map[string]bool, known bool) {
	key := referrerKey{typ, attr}
	if u, done := m.unseen[key]; done {
		return u.uncertain, u.known
	}
	defer func() { m.unseen[key] = unseenRefs{uncertain, known} }()
	uncertain, known = map[string]bool{}, !m.hidden
	if !m.unknownTypes[typ] {
		return uncertain, known
	}
	for _, rb := range m.order {
		if rb.typ != typ || !rb.unknown {
			continue
		}
		target, ok := m.blockTarget(rb, attr, targets)
		switch {
		case !ok:
			known = false
		case target != "":
			uncertain[target] = true
		}
	}
	return uncertain, known
}

// BlocksNaming returns the addresses of the resource blocks of type typ whose attribute
// attr names target (the address of a resource of targets): in every instance, seen or
// not, blocks without any included, or in one of their instances. complete is false when
// a block that may have instances the configuration cannot see names what it cannot tell,
// or an instance's attribute does not resolve: it may name target too.
func (m *Config) BlocksNaming(typ, attr, target string, targets ...string) (addresses []string, complete bool) {
	complete = !m.hidden
	for _, rb := range m.order {
		if rb.typ != typ {
			continue
		}
		named, ok := m.blockTarget(rb, attr, targets)
		switch {
		case ok:
			if named == target {
				addresses = append(addresses, rb.address())
			}
		case rb.unknown:
			complete = false
		default:
			// Each instance names its own (none when it has no instance).
			for _, r := range rb.instances {
				rs := m.Resolve(r.Attr(attr), targets...)
				if rs == nil && m.Set(r.Attr(attr)) {
					complete = false
				}
				if rs != nil && rs[0].Address() == target {
					addresses = append(addresses, rb.address())
					break
				}
			}
		}
	}
	return addresses, complete
}

// blockTarget returns the address of the resource of targets that the attribute attr
// of every instance of rb, seen or not, references: "" when the attribute is not written. ok is
// false when it depends on the instance (count, each, self) or does not resolve.
func (m *Config) blockTarget(rb *resourceBlock, attr string, targets []string) (string, bool) {
	attrs, _ := rb.block.Body.JustAttributes()
	a := attrs[attr]
	if a == nil {
		return "", true
	}
	for _, tr := range a.Expr.Variables() {
		switch tr.RootName() {
		case "count", "each", "self":
			return "", false
		}
	}
	v := rb.mod.eval.ValueIn(a.Expr, nil)
	if v.IsKnown() && v.IsNull() {
		return "", true
	}
	target := m.resolveValue(v, targets)
	if target == nil {
		return "", false
	}
	return target[0].Address(), true
}

// OfType returns the instances of resources of type typ in every module, in source
// order.
func (m *Config) OfType(typ string) []*Resource {
	return m.byType[typ]
}

// ByAddress returns the instances of the resource at address (type.name, after the
// module path in a called module).
func (m *Config) ByAddress(address string) []*Resource {
	return m.byAddress[address]
}

// DeclaredType returns the type of the resource block at address, "" when the
// configuration has no such block it reads; the block may have no instance.
func (m *Config) DeclaredType(address string) string {
	if rb := m.blocks[address]; rb != nil {
		return rb.typ
	}
	return ""
}

// MayHaveDynamic reports whether the resource has a dynamic block of type typ whose
// for_each is not known, so it may generate blocks the configuration cannot see.
func (c *Config) MayHaveDynamic(r *Resource, typ string) bool {
	return c.dynamic[r][typ]
}

// Missing reports whether the resource certainly has no block of type typ.
func (c *Config) Missing(r *Resource, typ string) bool {
	return len(r.Blocks(typ)) == 0 && !c.MayHaveDynamic(r, typ)
}

// MayHaveUnknown reports whether a resource of one of types may exist beyond those the
// model sees, because a count or for_each is not known or a module call could not be
// followed.
func (c *Config) MayHaveUnknown(types ...string) bool {
	if c.hidden {
		return true
	}
	for _, t := range types {
		if c.unknownTypes[t] {
			return true
		}
	}
	return false
}

// ResolveList resolves each element of a list argument to one resource instance of
// types; complete is false when the list or an element does not resolve.
func (m *Config) ResolveList(attr *hclext.Attribute, types ...string) (rs []*Resource, complete bool) {
	if attr == nil || !m.Set(attr) {
		return nil, false
	}
	refs, ok := m.ResolveEach(attr, types...)
	if !ok {
		return nil, false
	}
	complete = len(refs) > 0
	for _, r := range refs {
		if len(r) != 1 {
			complete = false
			continue
		}
		rs = append(rs, r[0])
	}
	return rs, complete
}

// WrittenAs reports whether the resource block at address writes its attribute attr as
// the string literal text.
func (m *Config) WrittenAs(address, attr, text string) bool {
	rb := m.blocks[address]
	if rb == nil {
		return false
	}
	attrs, _ := rb.block.Body.JustAttributes()
	a := attrs[attr]
	if a == nil {
		return false
	}
	v, diags := a.Expr.Value(nil)
	return !diags.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() && v.AsString() == text
}
