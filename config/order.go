package config

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Terraform creates a resource after everything it refers to: every reference anywhere
// in its block (arguments, nested and dynamic blocks, whatever their for_each), through
// locals, input variables (the caller's argument), data sources and module outputs, and
// every entry of its depends_on, where a module call means every resource in it. A
// resource in a called module also comes after its call's depends_on. The order is
// transitive: what a dependency depends on comes first too.

// ordering is what one object of the configuration comes after: the resources and module
// calls it names itself, and the orderings of what it refers to (shared, not copied, so
// that a long chain of references costs no more than its length).
type ordering struct {
	// resources are the addresses of resource blocks (module path, type.name, without
	// instance keys); modules the addresses of module calls all of whose resources come
	// first.
	resources map[string]bool
	modules   []string
	// complete is false when a reference could not be followed (a module call the
	// configuration cannot follow, a body in JSON syntax): more may come first.
	complete bool
	// after are the orderings of what this object refers to.
	after []*ordering
	// build works out a memoized ordering when it is first read (see orderOf).
	build func() *ordering
}

func newOrdering() *ordering {
	return &ordering{complete: true}
}

// add orders o after everything other is ordered after.
func (o *ordering) add(other *ordering) {
	o.after = append(o.after, other)
}

// addResource orders o after the resource block at address.
func (o *ordering) addResource(address string) {
	if o.resources == nil {
		o.resources = map[string]bool{}
	}
	o.resources[address] = true
}

// CreatedAfter reports whether Terraform creates r after the resource at address (an
// address as Resource.Address gives it). known is false when r is not created after it
// as far as the configuration can see, but a reference it cannot follow may order it so.
func (m *Config) CreatedAfter(r *Resource, address string) (after, known bool) {
	if r.mod == nil {
		return false, false
	}
	rb := m.blocks[r.Address()]
	if rb == nil {
		return false, false
	}
	// What its depends_on names comes first: the common case, answered without working
	// out the references of the whole block.
	if body, ok := rb.block.Body.(*hclsyntax.Body); ok && body.Attributes["depends_on"] != nil {
		named := m.dependsOnOrdering(rb.mod, body.Attributes["depends_on"].Expr)
		for _, entry := range named.after {
			if entry.resources[address] || slices.ContainsFunc(entry.modules, func(mod string) bool {
				return strings.HasPrefix(address, mod+".") || strings.HasPrefix(address, mod+"[")
			}) {
				return true, true
			}
		}
	}
	o := m.orderOf("r:"+rb.address(), func() *ordering { return m.blockOrdering(rb.mod, rb.block) })
	// Breadth first: what the service names itself (its depends_on, its direct
	// references) is found before the orderings further away are worked out.
	known = true
	seen := map[*ordering]bool{o: true}
	for queue := []*ordering{o}; len(queue) > 0; queue = queue[1:] {
		o := queue[0]
		o.ensure()
		known = known && o.complete
		if o.resources[address] {
			return true, true
		}
		for _, mod := range o.modules {
			if strings.HasPrefix(address, mod+".") || strings.HasPrefix(address, mod+"[") {
				return true, true
			}
		}
		for _, next := range o.after {
			if !seen[next] {
				seen[next] = true
				queue = append(queue, next)
			}
		}
	}
	return false, known
}

// AddressFrom returns how the module of r names the resource at address in a
// depends_on: type.name for a resource of the same module instance, module.NAME for one
// inside a module it calls (at any depth). ok is false for a resource elsewhere, which
// r's module cannot name.
func (m *Config) AddressFrom(r *Resource, address string) (string, bool) {
	prefix := ""
	if r.mod != nil && r.mod.path != "" {
		prefix = r.mod.path + "."
	}
	if !strings.HasPrefix(address, prefix) {
		return "", false
	}
	rest := strings.TrimPrefix(address, prefix)
	if !strings.HasPrefix(rest, "module.") {
		return rest, true
	}
	name := strings.TrimPrefix(rest, "module.")
	if i := strings.IndexAny(name, ".["); i >= 0 {
		name = name[:i]
	}
	return "module." + name, true
}

// orderOf returns the memoized ordering of one object; a cycle contributes nothing.
func (m *Config) orderOf(key string, build func() *ordering) *ordering {
	if o, ok := m.orderings[key]; ok {
		return o
	}
	if m.orderings == nil {
		m.orderings = map[string]*ordering{}
	}
	// Built when a query first reaches it: a query that finds what it looks for near
	// the start never works out the rest of the configuration's order.
	o := &ordering{complete: true, build: build}
	m.orderings[key] = o
	return o
}

// ensure works out a memoized ordering the first time it is read.
func (o *ordering) ensure() {
	if o.build == nil {
		return
	}
	build := o.build
	o.build = nil
	built := build()
	o.resources, o.modules, o.complete, o.after = built.resources, built.modules, built.complete, built.after
}

// blockOrdering is what a resource or data block of mod comes after: its references and
// depends_on, and its module call's depends_on.
func (m *Config) blockOrdering(mod *module, block *hcl.Block) *ordering {
	o := newOrdering()
	body, ok := block.Body.(*hclsyntax.Body)
	if !ok {
		o.complete = false
		return o
	}
	for _, tr := range bodyTraversals(body) {
		o.add(m.traversalOrdering(mod, tr, false))
	}
	if a := body.Attributes["depends_on"]; a != nil {
		o.add(m.dependsOnOrdering(mod, a.Expr))
	}
	if mod.parent != nil {
		o.add(m.callOrdering(mod))
	}
	return o
}

// callOrdering is what every resource of a module instance comes after because of its
// call's depends_on (and its ancestors').
func (m *Config) callOrdering(mod *module) *ordering {
	return m.orderOf("c:"+mod.path, func() *ordering {
		o := newOrdering()
		if attrs, diags := mod.call.Body.JustAttributes(); !diags.HasErrors() {
			if a := attrs["depends_on"]; a != nil {
				o.add(m.dependsOnOrdering(mod.parent, a.Expr))
			}
		}
		if mod.parent.parent != nil {
			o.add(m.callOrdering(mod.parent))
		}
		return o
	})
}

// dependsOnOrdering reads a depends_on list written in mod.
func (m *Config) dependsOnOrdering(mod *module, expr hcl.Expression) *ordering {
	o := newOrdering()
	tuple, ok := hcl.UnwrapExpression(expr).(*hclsyntax.TupleConsExpr)
	if !ok {
		o.complete = false
		return o
	}
	for _, elem := range tuple.Exprs {
		if tr, ok := dependsOnTraversal(elem); ok {
			o.add(m.traversalOrdering(mod, tr, true))
		} else {
			o.complete = false
		}
	}
	return o
}

// traversalOrdering is what a reference written in mod orders after it. In a
// depends_on (whole), a module call means all of its resources.
func (m *Config) traversalOrdering(mod *module, tr hcl.Traversal, whole bool) *ordering {
	o := newOrdering()
	root := tr.RootName()
	switch root {
	case "local":
		name, ok := stepName(tr, 1)
		if expr := mod.def.locals[name]; ok && expr != nil {
			o.add(m.orderOf("l:"+mod.path+"."+name, func() *ordering { return m.exprOrdering(mod, expr) }))
		}
	case "var":
		name, ok := stepName(tr, 1)
		if expr := mod.args[name]; ok && expr != nil && mod.parent != nil {
			o.add(m.orderOf("v:"+mod.path+"."+name, func() *ordering { return m.exprOrdering(mod.parent, expr) }))
		}
	case "module":
		o.add(m.moduleOrdering(mod, tr, whole))
	case "data":
		typ, ok1 := stepName(tr, 1)
		name, ok2 := stepName(tr, 2)
		if !ok1 || !ok2 {
			return o
		}
		if b := mod.dataBlock(typ, name); b != nil {
			o.add(m.orderOf("d:"+mod.path+"."+typ+"."+name, func() *ordering { return m.blockOrdering(mod, b) }))
		}
	default:
		name, ok := stepName(tr, 1)
		if !ok {
			return o
		}
		addr := root + "." + name
		if mod.path != "" {
			addr = mod.path + "." + addr
		}
		if rb := mod.blocks[root+"."+name]; rb != nil {
			o.addResource(addr)
			o.add(m.orderOf("r:"+addr, func() *ordering { return m.blockOrdering(mod, rb.block) }))
		} else if b := mod.otherResource(root, name); b != nil {
			o.addResource(addr)
			o.add(m.orderOf("r:"+addr, func() *ordering { return m.blockOrdering(mod, b) }))
		}
		// Anything else (each, count, self, path, a dynamic block's iterator) orders
		// nothing.
	}
	return o
}

// moduleOrdering is what a reference to a module call's outputs orders: what those
// outputs refer to in every instance; in a depends_on, every resource of the call.
func (m *Config) moduleOrdering(mod *module, tr hcl.Traversal, whole bool) *ordering {
	o := newOrdering()
	name, ok := stepName(tr, 1)
	if !ok {
		return o
	}
	ci := mod.calls[name]
	if ci == nil {
		return o
	}
	if whole {
		addr := "module." + name
		if mod.path != "" {
			addr = mod.path + "." + addr
		}
		o.modules = append(o.modules, addr)
	}
	if ci.unknown {
		o.complete = false
		return o
	}
	output := ""
	for _, step := range tr[2:] {
		if a, ok := step.(hcl.TraverseAttr); ok {
			output = a.Name
			break
		}
	}
	for _, child := range ci.instances {
		for out, expr := range child.def.outputs {
			if output != "" && out != output {
				continue
			}
			o.add(m.orderOf("o:"+child.path+"."+out, func() *ordering { return m.exprOrdering(child, expr) }))
		}
	}
	return o
}

// exprOrdering is what the references of an expression written in mod order.
func (m *Config) exprOrdering(mod *module, expr hcl.Expression) *ordering {
	o := newOrdering()
	for _, tr := range expr.Variables() {
		o.add(m.traversalOrdering(mod, tr, false))
	}
	return o
}

// bodyTraversals returns every reference in a native-syntax body, nested and dynamic
// blocks included, except those in depends_on (read on their own).
func bodyTraversals(body *hclsyntax.Body) []hcl.Traversal {
	var out []hcl.Traversal
	for name, a := range body.Attributes {
		if name == "depends_on" {
			continue
		}
		out = append(out, a.Expr.Variables()...)
	}
	for _, b := range body.Blocks {
		out = append(out, bodyTraversals(b.Body)...)
	}
	return out
}
