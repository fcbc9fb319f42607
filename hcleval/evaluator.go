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
	ctx       *hcl.EvalContext
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
	e := &Evaluator{
		locals:    locals,
		localVals: map[string]cty.Value{},
		varVals:   map[string]cty.Value{},
		variables: variables,
		ctx: &hcl.EvalContext{
			Variables: map[string]cty.Value{
				"path": cty.ObjectVal(map[string]cty.Value{"module": cty.StringVal(moduleDir)}),
			},
			Functions: funcs,
		},
	}
	return e
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
	e.prepare(expr, map[string]bool{})
	v, _ := expr.Value(e.ctx)
	if v == cty.NilVal {
		return cty.DynamicVal
	}
	return v
}

// prepare makes sure every local and variable expr reads is in the context.
func (e *Evaluator) prepare(expr hcl.Expression, visiting map[string]bool) {
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
			e.local(attr.Name, visiting)
		case "var":
			e.variable(attr.Name, tr)
		}
	}
}

func (e *Evaluator) local(name string, visiting map[string]bool) {
	if _, done := e.localVals[name]; done || visiting[name] {
		return
	}
	expr, ok := e.locals[name]
	if !ok {
		return
	}
	visiting[name] = true
	e.prepare(expr, visiting)
	delete(visiting, name)
	v, _ := expr.Value(e.ctx)
	if v == cty.NilVal {
		v = cty.DynamicVal
	}
	e.localVals[name] = v
	e.ctx.Variables["local"] = cty.ObjectVal(e.localVals)
}

func (e *Evaluator) variable(name string, tr hcl.Traversal) {
	if _, done := e.varVals[name]; done {
		return
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
	e.ctx.Variables["var"] = cty.ObjectVal(e.varVals)
}

// Local returns the expression that defines local.name.
func (e *Evaluator) Local(name string) (hcl.Expression, bool) {
	expr, ok := e.locals[name]
	return expr, ok
}
