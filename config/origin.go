package config

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"

	"github.com/fargate-lint/tflint-ruleset-fargate/hcleval"
	"github.com/fargate-lint/tflint-ruleset-fargate/tree"
)

// Provenance. A value that travels into a module (an argument, each.value of a module
// for_each, a local passed down) is reported where the user wrote it, not where the
// module uses it. Before anything is evaluated, every literal the user wrote in locals,
// variable defaults and module call arguments is marked with where it is written and
// what it says. The mark rides along through attribute access, for expressions, module
// variables and the functions that return parts of their arguments. Operations that
// combine values (and HCL's conditional, which puts the marks of both branches on its
// result) leave several marks on a value, so a value is placed at a mark only when that
// mark says exactly this value; otherwise it falls back to where the module uses it.

// origin marks a literal: where it is written and its value as text.
type origin struct {
	rng  hcl.Range
	text string
}

// markLiterals marks the literals of a module written by the user that may travel into
// other modules: locals, variable defaults and module call arguments.
func markLiterals(def *moduleDef) {
	var exprs []hcl.Expression
	for _, e := range def.locals {
		exprs = append(exprs, e)
	}
	for _, v := range def.variables {
		content, _, _ := v.Body.PartialContent(variableSchema)
		if d := content.Attributes["default"]; d != nil {
			exprs = append(exprs, d.Expr)
		}
	}
	for _, call := range def.calls {
		attrs, _ := call.Body.JustAttributes()
		for name, a := range attrs {
			switch name {
			case "source", "version", "count", "providers", "depends_on":
			default:
				exprs = append(exprs, a.Expr)
			}
		}
	}
	for _, e := range exprs {
		if node, ok := e.(hclsyntax.Node); ok {
			hclsyntax.VisitAll(node, markLiteral)
		}
	}
}

// markLiteral marks one literal; a quoted string of one literal part is marked with the
// range of the whole string, quotes included, so a fix can replace it.
func markLiteral(n hclsyntax.Node) hcl.Diagnostics {
	switch e := n.(type) {
	case *hclsyntax.TemplateExpr:
		if len(e.Parts) == 1 {
			if lit, ok := e.Parts[0].(*hclsyntax.LiteralValueExpr); ok {
				setOrigin(lit, e.SrcRange)
			}
		}
	case *hclsyntax.LiteralValueExpr:
		if !e.Val.IsMarked() {
			setOrigin(e, e.SrcRange)
		}
	}
	return nil
}

func setOrigin(lit *hclsyntax.LiteralValueExpr, rng hcl.Range) {
	text, ok := literalText(lit.Val)
	if !ok {
		return
	}
	if lit.Val.IsMarked() {
		lit.Val, _ = lit.Val.Unmark()
	}
	lit.Val = lit.Val.Mark(origin{rng: rng, text: text})
}

// literalText writes a known primitive value as text, to compare with a mark's.
func literalText(v cty.Value) (string, bool) {
	if !v.IsKnown() || v.IsNull() {
		return "", false
	}
	v, _ = v.Unmark()
	switch v.Type() {
	case cty.String:
		return v.AsString(), true
	case cty.Number:
		return tree.NumberText(v.AsBigFloat()), true
	case cty.Bool:
		return fmt.Sprint(v.True()), true
	}
	return "", false
}

// placeOf returns where v was written: the range of an origin mark that says exactly
// v, the earliest in source order when several do.
func placeOf(v cty.Value) (hcl.Range, bool) {
	if !v.IsMarked() {
		return hcl.Range{}, false
	}
	text, ok := literalText(v)
	if !ok {
		return hcl.Range{}, false
	}
	var best hcl.Range
	found := false
	for mark := range v.Marks() {
		o, isOrigin := mark.(origin)
		if !isOrigin || o.text != text {
			continue
		}
		if !found || o.rng.Filename < best.Filename || (o.rng.Filename == best.Filename && o.rng.Start.Byte < best.Start.Byte) {
			best, found = o.rng, true
		}
	}
	return best, found
}

// placer tells the JSON document decoder where each part of a value was written, and
// whether it must not be read (sensitive).
func placer(v cty.Value) (plain cty.Value, at hcl.Range, placed, hidden bool) {
	if !v.IsMarked() {
		return v, hcl.Range{}, false, false
	}
	at, placed = placeOf(v)
	plain, found := v.Unmark()
	for mark := range found {
		if hcleval.SensitiveMark(mark) {
			return plain, at, placed, true
		}
	}
	return plain, at, placed, false
}

// placedExpr is an attribute's value in one instance of a called module, reported where
// the user wrote that value.
type placedExpr struct {
	*hclext.BoundExpr
	at hcl.Range
}

// Range returns where the value was written.
func (p *placedExpr) Range() hcl.Range { return p.at }

// StartRange returns where the value was written.
func (p *placedExpr) StartRange() hcl.Range { return p.at }

// boundOf returns the value an instance's attribute was bound to.
func boundOf(expr hcl.Expression) (*hclext.BoundExpr, bool) {
	switch e := expr.(type) {
	case *hclext.BoundExpr:
		return e, true
	case *placedExpr:
		return e.BoundExpr, true
	}
	return nil, false
}

// bind binds expr to its value in one instance, placed where the value was written when
// that is known.
func bind(v cty.Value, expr hcl.Expression) hcl.Expression {
	bound := hclext.BindValue(v, expr).(*hclext.BoundExpr)
	if at, ok := placeOf(v); ok {
		return &placedExpr{BoundExpr: bound, at: at}
	}
	return bound
}

// ref marks a value read from a resource instance. key is the instance key as written
// in an address ([0], ["a"]), "" for a resource without count or for_each, or "?" when
// the instance cannot be told.
type ref struct {
	address, key string
}

// opaque marks an unknown value the configuration knows nothing of (a data source, a module
// output, a resource it does not read, an unknown variable): a value mixing a reference
// with one of these does not resolve, since it may name something else.
type opaque struct{}

// unknownValue is a value the configuration knows nothing of.
var unknownValue = cty.DynamicVal.Mark(opaque{})

// refsOf returns the instances a value was read from, by its marks; none when part of
// it comes from something the configuration knows nothing of.
func refsOf(v cty.Value) []ref {
	if !v.IsMarked() {
		return nil
	}
	var out []ref
	for mark := range v.Marks() {
		switch r := mark.(type) {
		case ref:
			out = append(out, r)
		case opaque:
			return nil
		}
	}
	return out
}

// Unknown is a value the configuration knows nothing of. A value mixing a reference with
// it does not resolve (see Config.Resolve), since it may name something else.
var Unknown = unknownValue
