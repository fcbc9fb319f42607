package config

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// Resolve returns the instances of the resource attr references, when that resource
// has one of types and is in this module. The reference is read from the value, as
// Terraform reads it: through locals, conditionals whose condition is known, splats,
// templates and functions. The value must come from one resource only; when it names
// one instance (x_thing.n[0], x_thing.n["k"], or any index inside a count or for_each
// instance) only that instance is returned, otherwise all of them, and callers use a
// fact only when every instance agrees on it. Anything else (variables, data sources,
// module outputs, a condition that is not known) is unresolved: nil.
//
// The answer is worked out once per attribute and types; callers must not change it.
func (m *Config) Resolve(attr *hclext.Attribute, types ...string) []*Resource {
	if attr == nil {
		return nil
	}
	key := resolveKey{attr.Expr, strings.Join(types, ",")}
	if rs, done := m.resolved[key]; done {
		return rs
	}
	rs := m.resolve(attr, types)
	m.resolved[key] = rs
	return rs
}

func (m *Config) resolve(attr *hclext.Attribute, types []string) []*Resource {
	if rs, ok := m.resolveDirect(attr.Expr, types); ok {
		return rs
	}
	expr, ok := m.takenBranch(attr.Expr, 0)
	if !ok {
		return nil
	}
	return m.resolveValue(m.raw(expr), types)
}

// resolveDirect resolves the common form x_thing.name.attr without evaluating it: a
// resource without count or for_each, read directly. ok is false for any other form.
func (m *Config) resolveDirect(expr hcl.Expression, types []string) ([]*Resource, bool) {
	if _, isBound := boundOf(expr); isBound {
		return nil, false
	}
	tr, isTraversal := hcl.UnwrapExpression(expr).(*hclsyntax.ScopeTraversalExpr)
	if !isTraversal || len(tr.Traversal) != 3 {
		return nil, false
	}
	addr, ok := traversalAddress(tr.Traversal)
	if !ok {
		return nil, false
	}
	if m.root == nil {
		return nil, false
	}
	rb := m.root.blocks[addr]
	if rb == nil || rb.count || rb.forEach {
		return nil, false
	}
	if _, isAttr := tr.Traversal[2].(hcl.TraverseAttr); !isAttr {
		return nil, false
	}
	m.expand(rb)
	if !slices.Contains(types, rb.typ) || len(rb.instances) == 0 {
		return nil, true
	}
	return slices.Clone(rb.instances), true
}

// ResolveValue returns the instances of the one resource of types a value was read
// from, by its marks (see Resolve); nil when it was read from anything else too.
func (m *Config) ResolveValue(v cty.Value, types ...string) []*Resource {
	return m.resolveValue(v, types)
}

// ReadFrom returns v marked as read from the resource instances like was read from: for a
// value that stands for theirs, as a data source reading back what a resource wrote.
// When like was read from anything else too, v is marked as a value the configuration
// knows nothing of (see Unknown), which resolves to nothing.
func ReadFrom(v, like cty.Value) cty.Value {
	refs := refsOf(like)
	if len(refs) == 0 {
		return v.Mark(opaque{})
	}
	for _, r := range refs {
		v = v.Mark(r)
	}
	return v
}

// resolveValue returns the instances the marks of v name (see Resolve).
func (m *Config) resolveValue(v cty.Value, types []string) []*Resource {
	refs := refsOf(v)
	if len(refs) == 0 {
		return nil
	}
	first := refs[0]
	for _, r := range refs[1:] {
		if r.address != first.address {
			return nil
		}
		if r.key != first.key {
			first.key = "?"
		}
	}
	rb := m.blocks[first.address]
	if rb == nil || !slices.Contains(types, rb.typ) || len(rb.instances) == 0 {
		return nil
	}
	if first.key != "?" {
		for i, inst := range rb.instances {
			if rb.instanceKey(i) == first.key {
				return []*Resource{inst}
			}
		}
	}
	return slices.Clone(rb.instances)
}

// takenBranch follows expr through locals and conditionals to the expression whose
// value it has; ok is false when a condition is not known. HCL puts the marks of both
// branches on a conditional's result, so the marks of the whole would name resources
// of the branch not taken too. An instance's bound value is taken as it is.
func (m *Config) takenBranch(expr hcl.Expression, hops int) (hcl.Expression, bool) {
	if _, ok := boundOf(expr); ok {
		return expr, true
	}
	switch e := hcl.UnwrapExpression(expr).(type) {
	case *hclsyntax.ConditionalExpr:
		cond := m.Value(e.Condition)
		if !cond.IsKnown() || cond.IsNull() || cond.IsMarked() || cond.Type() != cty.Bool {
			return nil, false
		}
		if cond.True() {
			return m.takenBranch(e.TrueResult, hops)
		}
		return m.takenBranch(e.FalseResult, hops)
	case *hclsyntax.ScopeTraversalExpr:
		if local, ok := m.localExpr(m.root, e.Traversal); ok && hops < maxLocalHops {
			return m.takenBranch(local, hops+1)
		}
	}
	return expr, true
}

// ResolveEach resolves each element of a list attribute: one entry per element, nil for
// an element that is not a reference to one of types. ok is false when the list itself
// is not known.
func (m *Config) ResolveEach(attr *hclext.Attribute, types ...string) (refs [][]*Resource, ok bool) {
	if attr == nil {
		return nil, false
	}
	// The elements of a bound attribute (an instance's, evaluated in its module and
	// scope) are read from its value below, never resolved again in the root's scope.
	_, isBound := boundOf(attr.Expr)
	if tuple, isTuple := hcl.UnwrapExpression(attr.Expr).(*hclsyntax.TupleConsExpr); isTuple && !isBound {
		direct := true
		for _, elem := range tuple.Exprs {
			rs, ok := m.resolveDirect(elem, types)
			if !ok {
				direct = false
				break
			}
			refs = append(refs, rs)
		}
		if direct {
			return refs, true
		}
		refs = nil
	}
	expr, ok := m.takenBranch(attr.Expr, 0)
	if !ok {
		return nil, false
	}
	v := m.raw(expr)
	if !v.IsKnown() || v.IsNull() {
		return nil, false
	}
	ty := v.Type()
	if !(ty.IsListType() || ty.IsSetType() || ty.IsTupleType()) {
		return nil, false
	}
	v, _ = v.Unmark()
	for it := v.ElementIterator(); it.Next(); {
		_, elem := it.Element()
		refs = append(refs, m.resolveValue(elem, types))
	}
	return refs, true
}

// ListElements returns the element expressions of an attribute written as [a, b, ...].
func ListElements(attr *hclext.Attribute) ([]*hclext.Attribute, bool) {
	if attr == nil {
		return nil, false
	}
	tuple, ok := hcl.UnwrapExpression(attr.Expr).(*hclsyntax.TupleConsExpr)
	if !ok {
		return nil, false
	}
	out := make([]*hclext.Attribute, len(tuple.Exprs))
	bound, isBound := boundOf(attr.Expr)
	if !isBound {
		for i, e := range tuple.Exprs {
			out[i] = &hclext.Attribute{Name: attr.Name, Expr: e}
		}
		return out, true
	}
	// An instance's attribute was evaluated in its own module and scope: each element
	// keeps its part of that value, never to be evaluated again in another scope.
	v := bound.Val
	if !v.IsKnown() || v.IsNull() || !v.CanIterateElements() || v.LengthInt() != len(tuple.Exprs) {
		return nil, false
	}
	i := 0
	for it := v.ElementIterator(); it.Next(); i++ {
		_, elem := it.Element()
		out[i] = &hclext.Attribute{Name: attr.Name, Expr: bind(elem, tuple.Exprs[i])}
	}
	return out, true
}

// Exported reports whether an output of the root module reads the resource at address
// (its value, or a part of it, carries a reference to it): configurations that read this
// one's outputs may use the resource as well.
func (m *Config) Exported(address string) bool {
	if m.exported == nil {
		m.exported = map[string]bool{}
		for _, expr := range m.root.def.outputs {
			v := m.raw(expr)
			for _, r := range refsOf(v) {
				m.exported[r.address] = true
			}
			_, parts := v.UnmarkDeepWithPaths()
			for _, pm := range parts {
				for mark := range pm.Marks {
					if r, ok := mark.(ref); ok {
						m.exported[r.address] = true
					}
				}
			}
		}
	}
	return m.exported[address]
}
