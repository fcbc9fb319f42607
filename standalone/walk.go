package standalone

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// WalkExpressions calls walker for every expression of the module's files: in native
// syntax every expression, nested ones included; in JSON files the top-level
// attributes' expressions only.
func (r *Runner) WalkExpressions(walker tflint.ExprWalker) hcl.Diagnostics {
	names := make([]string, 0, len(r.mod.files))
	for name := range r.mod.files {
		names = append(names, name)
	}
	sort.Strings(names)
	var diags hcl.Diagnostics
	for _, name := range names {
		file := r.mod.files[name]
		if body, ok := file.Body.(*hclsyntax.Body); ok {
			diags = append(diags, hclsyntax.Walk(body, exprWalker{walker})...)
			continue
		}
		attrs, _ := file.Body.JustAttributes()
		for _, a := range attrs {
			diags = append(diags, walker.Enter(a.Expr)...)
			diags = append(diags, walker.Exit(a.Expr)...)
		}
	}
	return diags
}

// exprWalker hands the expressions of a syntax tree to a tflint.ExprWalker.
type exprWalker struct {
	walker tflint.ExprWalker
}

// Enter passes on an expression node.
func (w exprWalker) Enter(node hclsyntax.Node) hcl.Diagnostics {
	if expr, ok := node.(hcl.Expression); ok {
		return w.walker.Enter(expr)
	}
	return nil
}

// Exit passes on the end of an expression node.
func (w exprWalker) Exit(node hclsyntax.Node) hcl.Diagnostics {
	if expr, ok := node.(hcl.Expression); ok {
		return w.walker.Exit(expr)
	}
	return nil
}
