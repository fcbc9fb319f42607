package hclnative

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// TestComparisonIsSensitive makes sure the tree comparison of the
// differential tests notices small differences: a column, a value, an
// operation, a nil slice against an empty one.
func TestComparisonIsSensitive(t *testing.T) {
	src := []byte("a = 1 + 2\nb = [x.y]\nc {\n}\nd = []\n")
	mutations := map[string]func(b *hclsyntax.Body){
		"column": func(b *hclsyntax.Body) { b.Attributes["a"].NameRange.End.Column++ },
		"value": func(b *hclsyntax.Body) {
			b.Attributes["a"].Expr.(*hclsyntax.BinaryOpExpr).LHS.(*hclsyntax.LiteralValueExpr).Val = cty.NumberIntVal(3)
		},
		"operation": func(b *hclsyntax.Body) { b.Attributes["a"].Expr.(*hclsyntax.BinaryOpExpr).Op = hclsyntax.OpSubtract },
		"nil slice": func(b *hclsyntax.Body) { b.Blocks[0].Body.Blocks = nil },
		"empty slice": func(b *hclsyntax.Body) {
			b.Attributes["d"].Expr.(*hclsyntax.TupleConsExpr).Exprs = []hclsyntax.Expression{}
		},
		"shorter slice": func(b *hclsyntax.Body) {
			e := b.Attributes["b"].Expr.(*hclsyntax.TupleConsExpr)
			e.Exprs = e.Exprs[:0]
		},
		"traversal": func(b *hclsyntax.Body) {
			tr := b.Attributes["b"].Expr.(*hclsyntax.TupleConsExpr).Exprs[0].(*hclsyntax.ScopeTraversalExpr)
			tr.Traversal[1] = hcl.TraverseAttr{Name: "z", SrcRange: tr.Traversal[1].SourceRange()}
		},
	}
	for name, mutate := range mutations {
		got, ok := Parse(src, "test.tf")
		if !ok {
			t.Fatal("declined")
		}
		want, _ := hclsyntax.ParseConfig(src, "test.tf", hcl.InitialPos)
		if d := cmp.Diff(want.Body, got.Body, treeOptions); d != "" {
			t.Fatalf("unmutated trees differ: %s", d)
		}
		mutate(got.Body.(*hclsyntax.Body))
		if cmp.Equal(want.Body, got.Body, treeOptions) {
			t.Errorf("%s: difference not detected", name)
		}
	}
}
