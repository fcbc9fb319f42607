// Package hcleval evaluates the expressions of one Terraform module inside the plugin.
//
// Asking tflint to evaluate an expression costs a round trip that re-sends and re-parses
// the whole file, so the plugin evaluates what it can itself: literals, locals, functions
// and path.module. Only input variables, whose values come from the caller, tfvars files
// or the command line, are asked of tflint, once per variable per module.
//
// Anything the evaluator cannot know (resource attributes, data sources, module outputs,
// functions it does not implement) evaluates to an unknown value, never to a guess.
package hcleval

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// VariableSource returns the value of the input variable that ref (an expression
// reading exactly var.NAME) refers to.
type VariableSource func(name string, ref hcl.Expression) cty.Value

// Evaluator evaluates expressions of one module. It is not safe for concurrent use.
type Evaluator struct {
	locals    map[string]hcl.Expression
	localVals map[string]cty.Value
	varVals   map[string]cty.Value
	variables VariableSource
	path      cty.Value
	functions map[string]function.Function
}

// New returns an Evaluator for a module whose locals are given, whose directory
// (path.module) is moduleDir, and whose input variables come from variables.
func New(locals map[string]hcl.Expression, moduleDir string, variables VariableSource) *Evaluator {
	funcs := map[string]function.Function{}
	for name, f := range pureFunctions {
		funcs[name] = f
	}
	for name, f := range fileFunctions(pureFunctions) {
		funcs[name] = f
	}
	if variables == nil {
		variables = func(string, hcl.Expression) cty.Value { return cty.DynamicVal }
	}
	return &Evaluator{
		locals:    locals,
		localVals: map[string]cty.Value{},
		varVals:   map[string]cty.Value{},
		variables: variables,
		path:      cty.ObjectVal(map[string]cty.Value{"module": cty.StringVal(moduleDir)}),
		functions: funcs,
	}
}

// Value evaluates expr. Parts that cannot be known are unknown; the result is never
// cty.NilVal. Values tflint already evaluated (expanded count and for_each instances)
// are taken as they are.
func (e *Evaluator) Value(expr hcl.Expression) cty.Value {
	if expr == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	if bound, ok := expr.(*hclext.BoundExpr); ok {
		return bound.Val
	}
	return e.eval(expr, nil, map[string]bool{})
}

// ValueIn evaluates expr with the iteration variables of s (count, each, a dynamic
// block's iterator) in scope.
func (e *Evaluator) ValueIn(expr hcl.Expression, s map[string]cty.Value) cty.Value {
	if bound, ok := expr.(*hclext.BoundExpr); ok {
		return bound.Val
	}
	return e.eval(expr, s, map[string]bool{})
}

// eval evaluates expr in a context holding just the locals and variables it reads, so
// the cost of an evaluation does not grow with the size of the module.
func (e *Evaluator) eval(expr hcl.Expression, iteration map[string]cty.Value, visiting map[string]bool) cty.Value {
	locals, vars := map[string]cty.Value{}, map[string]cty.Value{}
	for _, tr := range expr.Variables() {
		if len(tr) < 2 {
			continue
		}
		attr, ok := tr[1].(hcl.TraverseAttr)
		if !ok {
			continue
		}
		switch tr.RootName() {
		case "local":
			if v, ok := e.local(attr.Name, visiting); ok {
				locals[attr.Name] = v
			}
		case "var":
			vars[attr.Name] = e.variable(attr.Name, tr)
		}
	}
	ctx := &hcl.EvalContext{
		Variables: map[string]cty.Value{"path": e.path},
		Functions: e.functions,
	}
	for name, v := range iteration {
		ctx.Variables[name] = v
	}
	if len(locals) > 0 {
		ctx.Variables["local"] = cty.ObjectVal(locals)
	}
	if len(vars) > 0 {
		ctx.Variables["var"] = cty.ObjectVal(vars)
	}
	v, _ := expr.Value(ctx)
	if v == cty.NilVal {
		return cty.DynamicVal
	}
	return v
}

// local returns the value of local.name; ok is false for an undefined local or one
// whose definition refers back to itself.
func (e *Evaluator) local(name string, visiting map[string]bool) (cty.Value, bool) {
	if v, done := e.localVals[name]; done {
		return v, true
	}
	expr, ok := e.locals[name]
	if !ok || visiting[name] {
		return cty.NilVal, false
	}
	visiting[name] = true
	v := e.eval(expr, nil, visiting)
	delete(visiting, name)
	e.localVals[name] = v
	return v, true
}

func (e *Evaluator) variable(name string, tr hcl.Traversal) cty.Value {
	if v, done := e.varVals[name]; done {
		return v
	}
	ref := &hclsyntax.ScopeTraversalExpr{
		Traversal: tr[:2],
		SrcRange:  hcl.RangeBetween(tr[0].SourceRange(), tr[1].SourceRange()),
	}
	v := e.variables(name, ref)
	if v == cty.NilVal {
		v = cty.DynamicVal
	}
	e.varVals[name] = v
	return v
}

// Local returns the expression that defines local.name.
func (e *Evaluator) Local(name string) (hcl.Expression, bool) {
	expr, ok := e.locals[name]
	return expr, ok
}
