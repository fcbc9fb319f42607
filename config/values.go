package config

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/gocty"

	"github.com/fargate-lint/tflint-ruleset-fargate/tree"
)

// Known returns the value of attr when it is set, known, not null and not sensitive.
func (m *Config) Known(attr *hclext.Attribute) (cty.Value, bool) {
	if attr == nil {
		return cty.NilVal, false
	}
	// Most values that are not wholly known are lists of references; telling that from
	// the value as evaluated spares removing their marks.
	if raw := m.raw(attr.Expr); !raw.IsWhollyKnown() || raw.IsNull() {
		return cty.NilVal, false
	}
	v := m.Value(attr.Expr)
	if v.ContainsMarked() {
		return cty.NilVal, false
	}
	return v, true
}

// String returns attr as a known string (numbers and bools convert, as Terraform does).
func (m *Config) String(attr *hclext.Attribute) (string, bool) {
	v, ok := m.Known(attr)
	if !ok {
		return "", false
	}
	return ToString(v)
}

// Bool returns attr as a known bool.
func (m *Config) Bool(attr *hclext.Attribute) (bool, bool) {
	v, ok := m.Known(attr)
	if !ok {
		return false, false
	}
	b, err := convert.Convert(v, cty.Bool)
	if err != nil {
		return false, false
	}
	return b.True(), true
}

// Int returns attr as a known whole number.
func (m *Config) Int(attr *hclext.Attribute) (int64, bool) {
	v, ok := m.Known(attr)
	if !ok {
		return 0, false
	}
	return ToInt(v)
}

// Strings returns attr as a known list or set of strings.
func (m *Config) Strings(attr *hclext.Attribute) ([]string, bool) {
	v, ok := m.Known(attr)
	if !ok {
		return nil, false
	}
	l, err := convert.Convert(v, cty.List(cty.String))
	if err != nil || l.IsNull() {
		return nil, false
	}
	out := []string{}
	for _, e := range l.AsValueSlice() {
		if e.IsNull() {
			return nil, false
		}
		out = append(out, e.AsString())
	}
	return out, true
}

// Every presence question has three answers: set, unset (absent or null), and unknown.
// A rule that concludes "it is missing" asks Set, which is false only when the attribute
// is certainly unset; a rule that concludes "it is there" asks Present, which is true
// only when it certainly is.

// Set reports whether attr is present with a value that is, or may be, not null.
func (m *Config) Set(attr *hclext.Attribute) bool {
	if attr == nil {
		return false
	}
	v := m.raw(attr.Expr)
	return !v.IsKnown() || !v.IsNull()
}

// Present reports whether attr is certainly set: its value is not null, or is not known
// yet but cannot be null (a resource's attribute, a string template, a value refined as
// not null). A value that depends on an unknown condition or variable may be null.
func (m *Config) Present(attr *hclext.Attribute) bool {
	if attr == nil {
		return false
	}
	v := m.Value(attr.Expr)
	if v.IsKnown() {
		return !v.IsNull()
	}
	if v.Range().DefinitelyNotNull() {
		return true
	}
	expr, ok := m.takenBranch(attr.Expr, 0)
	if !ok {
		return false
	}
	switch e := hcl.UnwrapExpression(expr).(type) {
	case *hclsyntax.TemplateExpr:
		return true
	case *hclsyntax.ScopeTraversalExpr:
		_, isResource := traversalAddress(e.Traversal)
		return isResource
	case *hclsyntax.RelativeTraversalExpr, *hclsyntax.IndexExpr:
		for _, tr := range expr.Variables() {
			if _, isResource := traversalAddress(tr); !isResource {
				return false
			}
		}
		return true
	}
	return false
}

// ToString converts a known, unmarked value to a string, as Terraform converts it
// (numbers are written without exponent).
func ToString(v cty.Value) (string, bool) {
	if v == cty.NilVal || !v.IsWhollyKnown() || v.IsNull() || v.ContainsMarked() {
		return "", false
	}
	if v.Type() == cty.Number {
		return tree.NumberText(v.AsBigFloat()), true
	}
	s, err := convert.Convert(v, cty.String)
	if err != nil {
		return "", false
	}
	return s.AsString(), true
}

// ToInt converts a known, unmarked value to a whole number.
func ToInt(v cty.Value) (int64, bool) {
	if v == cty.NilVal || !v.IsWhollyKnown() || v.IsNull() || v.ContainsMarked() {
		return 0, false
	}
	n, err := convert.Convert(v, cty.Number)
	if err != nil {
		return 0, false
	}
	var i int64
	if err := gocty.FromCtyValue(n, &i); err != nil {
		return 0, false
	}
	return i, true
}

// WrittenLiteral reports whether attr's value is a literal written right there, in the
// attribute itself: the only value a fix may overwrite without discarding what another
// place decides (a variable's default and the values callers or tfvars files pass, a
// local that other expressions read, a caller's module argument).
func (m *Config) WrittenLiteral(attr *hclext.Attribute) bool {
	if attr == nil {
		return false
	}
	// An instance's bound value is a literal written there when its expression is one
	// (a value placed elsewhere, a caller's argument, is written as a reference).
	switch e := hcl.UnwrapExpression(attr.Expr).(type) {
	case *hclsyntax.LiteralValueExpr:
		return true
	case *hclsyntax.TemplateExpr:
		if len(e.Parts) != 1 {
			return false
		}
		_, isLiteral := e.Parts[0].(*hclsyntax.LiteralValueExpr)
		return isLiteral
	case hclsyntax.Expression:
		return false
	}
	// JSON syntax: a value that refers to nothing is decided where it is written.
	return len(attr.Expr.Variables()) == 0
}

// SourceText returns the text written at rng, in a file of the configuration.
func (m *Config) SourceText(rng hcl.Range) (string, bool) {
	f := m.files[rng.Filename]
	if f == nil || rng.End.Byte > len(f.Bytes) || rng.Start.Byte > rng.End.Byte {
		return "", false
	}
	return string(f.Bytes[rng.Start.Byte:rng.End.Byte]), true
}

// ValueFrom returns the expression attr's value comes from as the user wrote it in the
// attribute (var.mode, local.target_type), when that is not a literal; "" for a literal,
// and for an attribute of a called module's instance (its findings are already placed
// where the caller wrote the value).
func (m *Config) ValueFrom(attr *hclext.Attribute) string {
	if attr == nil || m.WrittenLiteral(attr) {
		return ""
	}
	if _, isBound := boundOf(attr.Expr); isBound {
		return ""
	}
	text, _ := m.SourceText(attr.Expr.Range())
	return text
}

// EncodedInPlace reports whether attr is written as jsonencode(...), so that the parts of
// its document are expressions written in the attribute.
func EncodedInPlace(attr *hclext.Attribute) bool {
	_, ok := encodedArg(attr)
	return ok
}

// DecidedWhereWritten reports whether the expression written at rng, a part of the
// document attr encodes with jsonencode(...), refers to nothing but its instance's own
// count and each: its value is decided where it is written, for every instance.
func DecidedWhereWritten(attr *hclext.Attribute, rng hcl.Range) bool {
	arg, ok := encodedArg(attr)
	if !ok {
		return false
	}
	found, only := false, false
	hclsyntax.VisitAll(arg, func(n hclsyntax.Node) hcl.Diagnostics {
		e, ok := n.(hclsyntax.Expression)
		if found || !ok || !sameSpan(e.Range(), rng) {
			return nil
		}
		found, only = true, true
		for _, tr := range e.Variables() {
			if root := tr.RootName(); root != "count" && root != "each" {
				only = false
			}
		}
		return nil
	})
	return found && only
}

// encodedArg returns the argument of the jsonencode call attr is written as.
func encodedArg(attr *hclext.Attribute) (hclsyntax.Expression, bool) {
	if attr == nil {
		return nil, false
	}
	call, ok := hcl.UnwrapExpression(attr.Expr).(*hclsyntax.FunctionCallExpr)
	if !ok || call.Name != "jsonencode" || len(call.Args) != 1 {
		return nil, false
	}
	return call.Args[0], true
}

// sameSpan reports whether two ranges cover the same lines and columns of one file.
func sameSpan(a, b hcl.Range) bool {
	return a.Filename == b.Filename && a.Start.Line == b.Start.Line && a.Start.Column == b.Start.Column &&
		a.End.Line == b.End.Line && a.End.Column == b.End.Column
}
