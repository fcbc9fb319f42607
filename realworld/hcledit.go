package main

import (
	"bytes"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// splice is one byte-range replacement in a caller file.
type splice struct {
	Start, End int
	Text       string
}

// applySplices applies non-overlapping splices to src, returning the new source and
// the 1-based line range the replacements cover in it.
func applySplices(src []byte, ss []splice) ([]byte, int, int) {
	sort.Slice(ss, func(i, j int) bool { return ss[i].Start > ss[j].Start })
	out := append([]byte(nil), src...)
	for _, s := range ss {
		out = append(out[:s.Start:s.Start], append([]byte(s.Text), out[s.End:]...)...)
	}
	// Line range: from the first splice's start to the end of the last one, in the new file.
	first, last := ss[len(ss)-1], ss[0]
	from := lineOf(out, first.Start)
	shift := 0
	for _, s := range ss[1:] {
		shift += len(s.Text) - (s.End - s.Start)
	}
	endOff := last.Start + shift + len(last.Text)
	if len(ss) == 1 {
		endOff = first.Start + len(first.Text)
	}
	to := lineOf(out, max(endOff-1, first.Start))
	return out, from, max(from, to)
}

// lineOf returns the 1-based line of a byte offset.
func lineOf(src []byte, off int) int {
	if off > len(src) {
		off = len(src)
	}
	return bytes.Count(src[:off], []byte("\n")) + 1
}

// changedLines returns the 1-based line range of b that differs from a (common
// leading and trailing lines excluded).
func changedLines(a, b []byte) (int, int) {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	i := 0
	for i < len(al) && i < len(bl) && al[i] == bl[i] {
		i++
	}
	j := 0
	for j < len(al)-i && j < len(bl)-i && al[len(al)-1-j] == bl[len(bl)-1-j] {
		j++
	}
	from, to := i+1, len(bl)-j
	if to < from {
		to = from
	}
	return from, to
}

// keyName returns the name of an object constructor key written as a word or a string.
func keyName(e hclsyntax.Expression) string {
	if k, ok := e.(*hclsyntax.ObjectConsKeyExpr); ok {
		if name := hcl.ExprAsKeyword(k.Wrapped); name != "" {
			return name
		}
		e = k.Wrapped
	}
	v, d := e.Value(nil)
	if d.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return ""
	}
	return v.AsString()
}

// item returns the object's item named by one of names.
func item(obj *hclsyntax.ObjectConsExpr, names ...string) *hclsyntax.ObjectConsItem {
	for i := range obj.Items {
		k := keyName(obj.Items[i].KeyExpr)
		for _, n := range names {
			if k == n {
				return &obj.Items[i]
			}
		}
	}
	return nil
}

// literal returns the expression's value when it is a known constant string or
// bool or number, as text; "" otherwise.
func literal(e hclsyntax.Expression) string {
	v, d := e.Value(nil)
	if d.HasErrors() || !v.IsWhollyKnown() || v.IsNull() {
		return ""
	}
	switch v.Type() {
	case cty.String:
		return v.AsString()
	case cty.Bool:
		if v.True() {
			return "true"
		}
		return "false"
	case cty.Number:
		return v.AsBigFloat().String()
	}
	return ""
}

// setItem returns the splice that sets key to text in obj: the value replaced when
// the key is there, the item added otherwise.
func setItem(src []byte, obj *hclsyntax.ObjectConsExpr, key, text string) splice {
	if it := item(obj, key); it != nil {
		r := it.ValueExpr.Range()
		return splice{r.Start.Byte, r.End.Byte, text}
	}
	if len(obj.Items) == 0 {
		r := obj.SrcRange
		return splice{r.Start.Byte, r.End.Byte, "{ " + key + " = " + text + " }"}
	}
	last := obj.Items[len(obj.Items)-1]
	end := last.ValueExpr.Range().End.Byte
	if obj.SrcRange.Start.Line == obj.SrcRange.End.Line {
		return splice{end, end, ", " + key + " = " + text}
	}
	return splice{end, end, "\n" + indentAt(src, last.KeyExpr.Range().Start.Byte) + key + " = " + text}
}

// removeItem returns the splice that removes one item of an object, with its line
// when it stands alone on it.
func removeItem(src []byte, it *hclsyntax.ObjectConsItem) splice {
	start, end := it.KeyExpr.Range().Start.Byte, it.ValueExpr.Range().End.Byte
	for end < len(src) && (src[end] == ' ' || src[end] == '\t' || src[end] == ',') {
		end++
	}
	s := start
	for s > 0 && (src[s-1] == ' ' || src[s-1] == '\t') {
		s--
	}
	if (s == 0 || src[s-1] == '\n') && end < len(src) && src[end] == '\n' {
		return splice{s, end + 1, ""}
	}
	return splice{start, end, ""}
}

// indentAt returns the whitespace that starts the line holding offset off.
func indentAt(src []byte, off int) string {
	ls := bytes.LastIndexByte(src[:off], '\n') + 1
	i := ls
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return string(src[ls:i])
}

// exprTokens builds hclwrite tokens for an expression written as text.
func exprTokens(text string) hclwrite.Tokens {
	f, d := hclwrite.ParseConfig([]byte("x = "+text+"\n"), "", hcl.InitialPos)
	if d.HasErrors() {
		return nil
	}
	return f.Body().GetAttribute("x").Expr().BuildTokens(nil)
}

// blockEdit edits one block of a file with hclwrite: path holds the index of the
// top-level block, then of each nested block; fn gets the body holding the block, the
// block's body and the block.
func blockEdit(src []byte, path []int, fn func(parent, body *hclwrite.Body, block *hclwrite.Block)) ([]byte, bool) {
	f, d := hclwrite.ParseConfig(src, "", hcl.InitialPos)
	if d.HasErrors() || len(path) == 0 {
		return nil, false
	}
	body := f.Body()
	var parent *hclwrite.Body
	var block *hclwrite.Block
	for _, i := range path {
		bs := body.Blocks()
		if i >= len(bs) {
			return nil, false
		}
		parent, block = body, bs[i]
		body = block.Body()
	}
	fn(parent, body, block)
	return f.Bytes(), true
}

// parses reports whether src is valid HCL native syntax.
func parses(src []byte) bool {
	_, d := hclsyntax.ParseConfig(src, "x.tf", hcl.InitialPos)
	return !d.HasErrors()
}
