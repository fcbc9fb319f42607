package hclnative

import (
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// treeOptions make cmp compare two hclsyntax trees field by field, ranges
// included: cty values with RawEquals (which also compares types, marks and
// refinements), operations by identity (hclsyntax's Op* variables), and
// neither unexported state (evaluation caches, traverser sigils) nor the
// function implementations inside operations.
//
// The slices that nest expressions are compared as maps from index to
// element: cmp compares slices by computing an edit script, which costs time
// exponential in the depth of nesting (a deeply nested object type constraint
// takes minutes), while maps are compared key by key. A nil slice becomes a
// nil map, so nil and empty slices still differ.
var treeOptions = cmp.Options{
	cmp.Comparer(func(a, b cty.Value) bool { return a.RawEquals(b) }),
	cmp.Comparer(func(a, b *hclsyntax.Operation) bool { return a == b }),
	cmp.Comparer(func(a, b function.Function) bool { return true }),
	cmpopts.IgnoreUnexported(
		hclsyntax.Body{}, hclsyntax.AnonSymbolExpr{},
		hcl.TraverseRoot{}, hcl.TraverseAttr{}, hcl.TraverseIndex{}, hcl.TraverseSplat{},
	),
	cmp.Transformer("indexed", indexed[[]hclsyntax.Expression]),
	cmp.Transformer("indexed", indexed[[]hclsyntax.ObjectConsItem]),
	cmp.Transformer("indexed", indexed[hclsyntax.Blocks]),
}

// indexed returns the elements of s keyed by index, or nil for a nil slice.
func indexed[S ~[]T, T any](s S) map[int]T {
	if s == nil {
		return nil
	}
	m := make(map[int]T, len(s))
	for i, v := range s {
		m[i] = v
	}
	return m
}

// contextAsker is the navigation interface hcl's diagnostic printer uses.
type contextAsker interface {
	ContextString(offset int) string
	ContextDefRange(offset int) hcl.Range
}

// compareWithHCLSyntax parses src with both parsers. It returns whether
// Parse accepted it and, if it did, a description of the first difference from
// hclsyntax (a diagnostic, a tree difference or a navigation difference), or
// "" when there is none.
func compareWithHCLSyntax(src []byte) (accepted bool, diff string) {
	const filename = "test.tf"
	got, ok := Parse(src, filename)
	if !ok {
		return false, ""
	}
	want, diags := hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	if len(diags) > 0 {
		return true, "accepted, but hclsyntax reports: " + diags.Error()
	}
	if !cmp.Equal(want.Body, got.Body, treeOptions) {
		return true, "trees differ (-hclsyntax +hclnative):\n" + cmp.Diff(want.Body, got.Body, treeOptions)
	}
	if string(got.Bytes) != string(src) {
		return true, "Bytes is not the source"
	}
	// Sample offsets across the file, and the edges of each top-level block.
	var offsets []int
	for off := -1; off <= len(src)+1; off += max(1, len(src)/64) {
		offsets = append(offsets, off)
	}
	for _, b := range want.Body.(*hclsyntax.Body).Blocks {
		r := b.Range()
		offsets = append(offsets, r.Start.Byte-1, r.Start.Byte, r.End.Byte-1, r.End.Byte)
	}
	wantNav, gotNav := want.Nav.(contextAsker), got.Nav.(contextAsker)
	for _, off := range offsets {
		if w, g := wantNav.ContextString(off), gotNav.ContextString(off); w != g {
			return true, "ContextString differs at " + strconv.Itoa(off) + ": " + w + " vs " + g
		}
		if w, g := wantNav.ContextDefRange(off), gotNav.ContextDefRange(off); w != g {
			return true, "ContextDefRange differs at " + strconv.Itoa(off) + ": " + w.String() + " vs " + g.String()
		}
	}
	return true, ""
}

// checkIdentical fails the test when Parse accepts src but its result
// differs from hclsyntax's, and reports whether Parse accepted it. It also
// runs the parser without the panic guard, so that a bug that panics fails
// the test instead of passing for a decline.
func checkIdentical(t testing.TB, src []byte) bool {
	t.Helper()
	parseBody(src, "test.tf") // panics on bugs
	accepted, diff := compareWithHCLSyntax(src)
	if diff != "" {
		t.Errorf("source %q:\n%s", src, diff)
	}
	return accepted
}
