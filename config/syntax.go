package config

import (
	"path/filepath"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// How references and literals are written: questions answered from the syntax alone,
// without evaluating anything.

// traversalAddress reads type.name from type.name[...].attr.
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

// stepName returns the attribute name at step i of a traversal.
func stepName(tr hcl.Traversal, i int) (string, bool) {
	if len(tr) <= i {
		return "", false
	}
	attr, ok := tr[i].(hcl.TraverseAttr)
	return attr.Name, ok
}

// dependsOnTraversal reads one depends_on entry: a reference, or the quoted form
// ("x_thing.front") Terraform still accepts.
func dependsOnTraversal(expr hcl.Expression) (hcl.Traversal, bool) {
	if tr, ok := expr.(*hclsyntax.ScopeTraversalExpr); ok {
		return tr.Traversal, true
	}
	tmpl, ok := expr.(*hclsyntax.TemplateExpr)
	if !ok || len(tmpl.Parts) != 1 {
		return nil, false
	}
	lit, ok := tmpl.Parts[0].(*hclsyntax.LiteralValueExpr)
	if !ok || lit.Val.Type() != cty.String {
		return nil, false
	}
	tr, diags := hclsyntax.ParseTraversalAbs([]byte(lit.Val.AsString()), expr.Range().Filename, expr.Range().Start)
	return tr, !diags.HasErrors()
}

// TraversalOf returns the traversal attr is written as (a reference, possibly in a
// template of one interpolation).
func TraversalOf(attr *hclext.Attribute) (hcl.Traversal, bool) {
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

// LastAttr returns the name of the last attribute step of a traversal.
func LastAttr(tr hcl.Traversal) string {
	if a, ok := tr[len(tr)-1].(hcl.TraverseAttr); ok {
		return a.Name
	}
	return ""
}

// variableRead returns NAME when expr is exactly var.NAME.
func variableRead(expr hcl.Expression) (string, bool) {
	tr, ok := expr.(*hclsyntax.ScopeTraversalExpr)
	if !ok || len(tr.Traversal) != 2 || tr.Traversal.RootName() != "var" {
		return "", false
	}
	return stepName(tr.Traversal, 1)
}

// mustRel returns target relative to base, or target when it has no such form.
func mustRel(base, target string) string {
	rel, err := filepath.Rel(base, target)
	if err != nil {
		return target
	}
	return rel
}

// isNullLiteral reports whether attr is written as null.
func isNullLiteral(attr *hclext.Attribute) bool {
	if attr == nil {
		return false
	}
	lit, ok := attr.Expr.(*hclsyntax.LiteralValueExpr)
	return ok && lit.Val.IsNull()
}

var variableSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "default"}, {Name: "type"}, {Name: "nullable"}}}

// isFalseLiteral reports whether attr is written as false.
func isFalseLiteral(attr *hcl.Attribute) bool {
	if attr == nil {
		return false
	}
	v, diags := attr.Expr.Value(nil)
	return !diags.HasErrors() && v.Type() == cty.Bool && v.IsKnown() && !v.IsNull() && v.False()
}
