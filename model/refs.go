package model

import (
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// Resolve returns the instances of the resource that attr statically references, when
// that resource has one of types and is in this module: aws_x.name.attr, with an index
// ([0], ["k"], [each.key], [count.index]), inside "${...}", or as
// one(aws_x.name[*].attr). A template
// such as "${aws_x.n.family}:${aws_x.n.revision}" resolves when every reference in it is
// to that one resource. Anything else (variables, locals, data sources, module outputs)
// is unresolved: nil.
//
// Instances of a count or for_each resource cannot be told apart, so all are returned;
// callers use a fact only when every instance agrees on it.
func (m *Module) Resolve(attr *hclext.Attribute, types ...string) []*Resource {
	if attr == nil {
		return nil
	}
	addr, ok := referencedAddress(hcl.UnwrapExpression(attr.Expr))
	if !ok {
		return nil
	}
	rs := m.byAddress[addr]
	if len(rs) == 0 || !slices.Contains(types, rs[0].Type) {
		return nil
	}
	return rs
}

func referencedAddress(expr hcl.Expression) (string, bool) {
	switch e := expr.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		return traversalAddress(e.Traversal)
	case *hclsyntax.TemplateWrapExpr:
		return referencedAddress(e.Wrapped)
	case *hclsyntax.RelativeTraversalExpr:
		// aws_x.name[count.index].attr: the index is an expression, the rest relative.
		return referencedAddress(e.Source)
	case *hclsyntax.IndexExpr:
		return referencedAddress(e.Collection)
	case *hclsyntax.FunctionCallExpr:
		if e.Name == "one" && len(e.Args) == 1 {
			if splat, ok := e.Args[0].(*hclsyntax.SplatExpr); ok {
				return referencedAddress(splat.Source)
			}
			return referencedAddress(e.Args[0])
		}
	case *hclsyntax.TemplateExpr:
		// Every reference must be to one resource, and nothing else may be computed.
		addr := ""
		for _, tr := range e.Variables() {
			a, ok := traversalAddress(tr)
			if !ok || (addr != "" && a != addr) {
				return "", false
			}
			addr = a
		}
		return addr, addr != ""
	}
	return "", false
}

// traversalAddress reads type.name from aws_type.name[...].attr.
func traversalAddress(tr hcl.Traversal) (string, bool) {
	if len(tr) < 2 {
		return "", false
	}
	root := tr.RootName()
	switch root {
	case "var", "local", "data", "module", "each", "count", "path", "self", "terraform":
		return "", false
	}
	name, ok := tr[1].(hcl.TraverseAttr)
	if !ok {
		return "", false
	}
	return root + "." + name.Name, true
}

// listExprs returns the element expressions of an attribute written as [a, b, ...].
func listExprs(attr *hclext.Attribute) ([]*hclext.Attribute, bool) {
	if attr == nil {
		return nil, false
	}
	tuple, ok := hcl.UnwrapExpression(attr.Expr).(*hclsyntax.TupleConsExpr)
	if !ok {
		return nil, false
	}
	out := make([]*hclext.Attribute, len(tuple.Exprs))
	for i, e := range tuple.Exprs {
		out[i] = &hclext.Attribute{Name: attr.Name, Expr: e}
	}
	return out, true
}

// ResolveEach resolves each element of a list attribute written as [a, b, ...]: one
// entry per element, nil for an element that is not a static reference to one of types.
// A splat (aws_subnet.private[*].id) gives one entry per instance. ok is false when attr
// is written otherwise.
func (m *Module) ResolveEach(attr *hclext.Attribute, types ...string) (refs [][]*Resource, ok bool) {
	if attr != nil {
		// aws_subnet.private[*].id: every instance of the resource.
		if splat, isSplat := hcl.UnwrapExpression(attr.Expr).(*hclsyntax.SplatExpr); isSplat {
			instances := m.Resolve(&hclext.Attribute{Expr: splat.Source}, types...)
			for _, r := range instances {
				refs = append(refs, []*Resource{r})
			}
			return refs, instances != nil
		}
	}
	elems, ok := listExprs(attr)
	for _, elem := range elems {
		refs = append(refs, m.Resolve(elem, types...))
	}
	return refs, ok
}

// DependsOn returns the addresses in the resource's depends_on.
func (m *Module) DependsOn(r *Resource) []string {
	attr := r.Attr("depends_on")
	if attr == nil {
		return nil
	}
	tuple, ok := hcl.UnwrapExpression(attr.Expr).(*hclsyntax.TupleConsExpr)
	if !ok {
		return nil
	}
	var out []string
	for _, elem := range tuple.Exprs {
		if tr, ok := elem.(*hclsyntax.ScopeTraversalExpr); ok {
			if addr, ok := traversalAddress(tr.Traversal); ok {
				out = append(out, addr)
			}
		}
	}
	return out
}

// traversalOf returns the traversal attr is written as, unwrapped.
func traversalOf(attr *hclext.Attribute) (hcl.Traversal, bool) {
	if attr == nil {
		return nil, false
	}
	switch e := hcl.UnwrapExpression(attr.Expr).(type) {
	case *hclsyntax.ScopeTraversalExpr:
		return e.Traversal, true
	case *hclsyntax.TemplateWrapExpr:
		if tr, ok := e.Wrapped.(*hclsyntax.ScopeTraversalExpr); ok {
			return tr.Traversal, true
		}
	}
	return nil, false
}

// lastAttr returns the name of the last attribute step of a traversal.
func lastAttr(tr hcl.Traversal) string {
	if a, ok := tr[len(tr)-1].(hcl.TraverseAttr); ok {
		return a.Name
	}
	return ""
}
