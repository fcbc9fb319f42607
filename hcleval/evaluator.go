// Package hcleval evaluates the expressions of one Terraform module inside the plugin.
//
// Asking tflint to evaluate an expression costs a round trip that re-sends and re-parses
// the whole file, so the plugin evaluates what it can itself: literals, locals, functions,
// path.module and the references a Scope answers (resources, data sources, module calls).
// Only input variables, whose values come from the caller, tfvars files or the command
// line, are asked of tflint, once per variable per module.
//
// Anything the evaluator cannot know (an attribute computed at apply, a data source, a
// function it does not implement) evaluates to an unknown value in its place, never to a
// guess: everything around it stays known, as in Terraform's plan.
package hcleval

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// Scope answers the references of a module's expressions other than locals, path and
// iteration variables. A reference it cannot answer is cty.DynamicVal.
type Scope interface {
	// Variable returns var.NAME; ref is an expression reading exactly that.
	Variable(name string, ref hcl.Expression) cty.Value
	// Resource returns the value of the managed resource TYPE.NAME: an object for a
	// single instance, a tuple of them for count, an object keyed by instance key for
	// for_each. Each instance object has at least the attributes in attrs, the ones the
	// expression reads; attrs is nil when the expression uses the resource as a whole.
	Resource(typ, name string, attrs []string) cty.Value
	// Data returns the value of the data source data.TYPE.NAME, shaped as Resource.
	Data(typ, name string, attrs []string) cty.Value
	// ModuleCall returns the outputs of module.NAME, shaped as Resource.
	ModuleCall(name string) cty.Value
}

// Paths are the values of path.module, path.root and path.cwd, as Terraform gives them:
// relative to the directory Terraform runs in.
type Paths struct {
	Module, Root, Cwd string
}

// Evaluator evaluates expressions of one module. It is not safe for concurrent use.
type Evaluator struct {
	locals    map[string]hcl.Expression
	localVals map[string]cty.Value
	varVals   map[string]cty.Value
	scope     Scope
	path      cty.Value
	functions map[string]function.Function
	visiting  map[string]bool
}

// New returns an Evaluator for a module whose locals are given, with the function table
// functions, the paths of the module, and the references scope answers (nil: all unknown).
func New(locals map[string]hcl.Expression, functions map[string]function.Function, paths Paths, scope Scope) *Evaluator {
	if scope == nil {
		scope = unknownScope{}
	}
	return &Evaluator{
		locals:    locals,
		localVals: map[string]cty.Value{},
		varVals:   map[string]cty.Value{},
		scope:     scope,
		path: cty.ObjectVal(map[string]cty.Value{
			"module": cty.StringVal(paths.Module),
			"root":   cty.StringVal(paths.Root),
			"cwd":    cty.StringVal(paths.Cwd),
		}),
		functions: functions,
		visiting:  map[string]bool{},
	}
}

// Value evaluates expr. Parts that cannot be known are unknown; the result is never
// cty.NilVal.
func (e *Evaluator) Value(expr hcl.Expression) cty.Value {
	return e.ValueIn(expr, nil)
}

// ValueIn evaluates expr with the iteration variables in iteration (count, each, a
// dynamic block's iterator) in scope.
func (e *Evaluator) ValueIn(expr hcl.Expression, iteration map[string]cty.Value) cty.Value {
	if expr == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	return e.eval(expr, iteration)
}

// eval evaluates expr in a context holding just what it refers to, so the cost of an
// evaluation does not grow with the size of the module. Every root it names is defined
// (unknown when nothing better is known): an undefined root would be an error that
// makes the whole expression unknown instead of just that reference.
func (e *Evaluator) eval(expr hcl.Expression, iteration map[string]cty.Value) cty.Value {
	// Literals, most of a configuration's values, need no context.
	switch lit := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		return lit.Val
	case *hclsyntax.TemplateExpr:
		if lit.IsStringLiteral() {
			if v, diags := lit.Value(nil); !diags.HasErrors() {
				return v
			}
		}
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{"path": e.path}, Functions: e.functions}
	locals, vars, modules := map[string]cty.Value{}, map[string]cty.Value{}, map[string]cty.Value{}
	resources := map[resourceKey]*attrSet{}
	read := func(key resourceKey, tr hcl.Traversal, attrStep int) {
		set := resources[key]
		if set == nil {
			set = &attrSet{}
			resources[key] = set
		}
		set.add(tr, attrStep)
	}
	for _, tr := range expr.Variables() {
		root := tr.RootName()
		if _, ok := iteration[root]; ok {
			continue
		}
		switch root {
		case "path", "self", "count", "each":
			continue
		case "terraform":
			ctx.Variables[root] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.UnknownVal(cty.String)})
			continue
		}
		name, ok := stepName(tr, 1)
		if !ok {
			continue
		}
		switch root {
		case "local":
			if _, done := locals[name]; !done {
				locals[name] = e.local(name)
			}
		case "var":
			vars[name] = e.variable(name, tr)
		case "module":
			if _, done := modules[name]; !done {
				modules[name] = orUnknown(e.scope.ModuleCall(name))
			}
		case "data":
			if dname, ok := stepName(tr, 2); ok {
				read(resourceKey{data: true, typ: name, name: dname}, tr, 3)
			}
		default:
			read(resourceKey{typ: root, name: name}, tr, 2)
		}
	}
	if len(locals) > 0 {
		ctx.Variables["local"] = cty.ObjectVal(locals)
	}
	if len(vars) > 0 {
		ctx.Variables["var"] = cty.ObjectVal(vars)
	}
	if len(modules) > 0 {
		ctx.Variables["module"] = cty.ObjectVal(modules)
	}
	managed, data := map[string]map[string]cty.Value{}, map[string]map[string]cty.Value{}
	for key, set := range resources {
		var v cty.Value
		into := managed
		if key.data {
			into, v = data, e.scope.Data(key.typ, key.name, set.names())
		} else {
			v = e.scope.Resource(key.typ, key.name, set.names())
		}
		if into[key.typ] == nil {
			into[key.typ] = map[string]cty.Value{}
		}
		into[key.typ][key.name] = orUnknown(v)
	}
	for typ, names := range managed {
		ctx.Variables[typ] = cty.ObjectVal(names)
	}
	if len(data) > 0 {
		types := map[string]cty.Value{}
		for typ, names := range data {
			types[typ] = cty.ObjectVal(names)
		}
		ctx.Variables["data"] = cty.ObjectVal(types)
	}
	for name, v := range iteration {
		ctx.Variables[name] = v
	}
	v, _ := expr.Value(ctx)
	if v == cty.NilVal {
		return cty.DynamicVal
	}
	return v
}

// resourceKey names a managed resource or a data source.
type resourceKey struct {
	data      bool
	typ, name string
}

// attrSet collects the attributes an expression reads of one resource.
type attrSet struct {
	attrs map[string]bool
	whole bool
}

// add records the attribute a traversal reads at step i (after an optional index), or
// that it uses the resource as a whole.
func (s *attrSet) add(tr hcl.Traversal, i int) {
	if len(tr) > i {
		if _, isIndex := tr[i].(hcl.TraverseIndex); isIndex {
			i++
		}
	}
	name, ok := stepName(tr, i)
	if !ok {
		s.whole = true
		return
	}
	if s.attrs == nil {
		s.attrs = map[string]bool{}
	}
	s.attrs[name] = true
}

// names returns the attributes read, or nil when the resource is used as a whole.
func (s *attrSet) names() []string {
	if s.whole {
		return nil
	}
	out := make([]string, 0, len(s.attrs))
	for n := range s.attrs {
		out = append(out, n)
	}
	return out
}

// stepName returns the attribute name at step i of a traversal.
func stepName(tr hcl.Traversal, i int) (string, bool) {
	if len(tr) <= i {
		return "", false
	}
	attr, ok := tr[i].(hcl.TraverseAttr)
	return attr.Name, ok
}

func orUnknown(v cty.Value) cty.Value {
	if v == cty.NilVal {
		return cty.DynamicVal
	}
	return v
}

// local returns the value of local.name: unknown for an undefined local or one whose
// definition refers back to itself.
func (e *Evaluator) local(name string) cty.Value {
	if v, done := e.localVals[name]; done {
		return v
	}
	expr, ok := e.locals[name]
	if !ok || e.visiting[name] {
		return cty.DynamicVal
	}
	e.visiting[name] = true
	v := e.eval(expr, nil)
	delete(e.visiting, name)
	e.localVals[name] = v
	return v
}

func (e *Evaluator) variable(name string, tr hcl.Traversal) cty.Value {
	if v, done := e.varVals[name]; done {
		return v
	}
	ref := &hclsyntax.ScopeTraversalExpr{
		Traversal: tr[:2],
		SrcRange:  hcl.RangeBetween(tr[0].SourceRange(), tr[1].SourceRange()),
	}
	v := orUnknown(e.scope.Variable(name, ref))
	e.varVals[name] = v
	return v
}

// Local returns the expression that defines local.name.
func (e *Evaluator) Local(name string) (hcl.Expression, bool) {
	expr, ok := e.locals[name]
	return expr, ok
}

// unknownScope knows no reference.
type unknownScope struct{}

func (unknownScope) Variable(string, hcl.Expression) cty.Value   { return cty.DynamicVal }
func (unknownScope) Resource(string, string, []string) cty.Value { return cty.DynamicVal }
func (unknownScope) Data(string, string, []string) cty.Value     { return cty.DynamicVal }
func (unknownScope) ModuleCall(string) cty.Value                 { return cty.DynamicVal }
