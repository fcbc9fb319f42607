package tffunc

import (
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
)

// evalWith evaluates an HCL expression with the given functions and variables, as
// tflint does.
func evalWith(t testing.TB, fns map[string]function.Function, src string, vars map[string]cty.Value) (cty.Value, hcl.Diagnostics) {
	t.Helper()
	expr, diags := hclsyntax.ParseExpression([]byte(src), "test.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("parse %s: %s", src, diags)
	}
	return expr.Value(&hcl.EvalContext{Functions: fns, Variables: vars})
}

// eval evaluates src with a table whose BaseDir is the test's own temp directory.
func eval(t testing.TB, src string, vars map[string]cty.Value) (cty.Value, hcl.Diagnostics) {
	t.Helper()
	return evalWith(t, Functions(Options{BaseDir: t.TempDir()}), src, vars)
}

// literal evaluates an HCL literal with no functions: the expected side of a test.
func literal(t testing.TB, src string) cty.Value {
	t.Helper()
	v, diags := evalWith(t, nil, src, nil)
	if diags.HasErrors() {
		t.Fatalf("literal %s: %s", src, diags)
	}
	return v
}

// sameValue compares got with a literal written in HCL, converting the literal to
// got's type first (a tuple literal stands for a list, an object for a map).
func sameValue(got, want cty.Value) bool {
	if got.RawEquals(want) {
		return true
	}
	conv, err := convert.Convert(want, got.Type())
	return err == nil && got.RawEquals(conv)
}

// TestNames checks that every function of both tools' indexes (Terraform 1.14 and
// OpenTofu 1.10 function indexes, read 2026-11) is in the table, and nothing else.
func TestNames(t *testing.T) {
	fns := Functions(Options{BaseDir: t.TempDir()})
	for _, name := range Names {
		if _, ok := fns[name]; !ok {
			t.Errorf("%s is missing from Functions", name)
		}
	}
	for name := range fns {
		if !slices.Contains(Names, name) {
			t.Errorf("%s is in Functions but not in Names", name)
		}
	}
	if !slices.IsSorted(Names) || len(slices.Compact(slices.Clone(Names))) != len(Names) {
		t.Error("Names must be sorted and without duplicates")
	}
	for _, name := range Unknown {
		if !slices.Contains(Names, name) {
			t.Errorf("Unknown names %s, which is not in Names", name)
		}
	}
}

// TestUnknownFunctions checks that the functions of Unknown return an unknown of
// their type, never an error, whatever their arguments.
func TestUnknownFunctions(t *testing.T) {
	tests := []struct {
		expr string
		ty   cty.Type
	}{
		{`timestamp()`, cty.String},
		{`plantimestamp()`, cty.String},
		{`uuid()`, cty.String},
		{`bcrypt("hello world")`, cty.String},
		{`bcrypt("hello world", 12)`, cty.String},
		{`bcrypt(null, "not a cost")`, cty.String},
		{`type([1, "a"])`, cty.DynamicPseudoType},
		{`pathexpand("~/.ssh/id_rsa")`, cty.String},
	}
	covered := map[string]bool{}
	for _, tt := range tests {
		covered[tt.expr[:strings.Index(tt.expr, "(")]] = true
		got, diags := eval(t, tt.expr, nil)
		if diags.HasErrors() {
			t.Errorf("%s: %s", tt.expr, diags)
			continue
		}
		if got.IsKnown() || !got.Type().Equals(tt.ty) {
			t.Errorf("%s = %#v, want an unknown %s", tt.expr, got, tt.ty.FriendlyName())
		}
	}
	for _, name := range Unknown {
		if !covered[name] {
			t.Errorf("no test calls %s", name)
		}
	}
}
