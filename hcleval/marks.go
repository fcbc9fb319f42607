package hcleval

import (
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/lang/marks"
	"github.com/zclconf/go-cty/cty"
)

// Values may carry go-cty marks of two kinds: tflint's sensitive and ephemeral marks,
// which say a value must never be read, and the marks a Scope attaches to remember where
// a value came from. Plain keeps the first kind only, so that a marked value means a
// value rules must not read.

// Sensitive reports whether v or any part of it is sensitive or ephemeral.
func Sensitive(v cty.Value) bool {
	if !v.ContainsMarked() {
		return false
	}
	return marks.Contains(v, marks.Sensitive) || marks.Contains(v, marks.Ephemeral)
}

// Plain returns v with its sensitive and ephemeral marks only.
func Plain(v cty.Value) cty.Value {
	if v.Type().IsPrimitiveType() || v.Type() == cty.DynamicPseudoType || !v.IsKnown() {
		if !v.IsMarked() {
			return v
		}
		plain, found := v.Unmark()
		for mark := range found {
			if mark == marks.Sensitive || mark == marks.Ephemeral {
				plain = plain.Mark(mark)
			}
		}
		return plain
	}
	if !v.ContainsMarked() {
		return v
	}
	unmarked, paths := v.UnmarkDeepWithPaths()
	kept := paths[:0]
	for _, pm := range paths {
		m := cty.ValueMarks{}
		for mark := range pm.Marks {
			if mark == marks.Sensitive || mark == marks.Ephemeral {
				m[mark] = struct{}{}
			}
		}
		if len(m) > 0 {
			kept = append(kept, cty.PathValueMarks{Path: pm.Path, Marks: m})
		}
	}
	if len(kept) == 0 {
		return unmarked
	}
	return unmarked.MarkWithPaths(kept)
}

// SensitiveMark reports whether mark is tflint's sensitive or ephemeral mark.
func SensitiveMark(mark any) bool {
	return mark == marks.Sensitive || mark == marks.Ephemeral
}
