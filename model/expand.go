package model

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// The model reads the module's files itself instead of asking tflint for their content:
// one transfer of the files costs far less than tflint serialising every resource and
// the plugin parsing each expression again. It expands count, for_each and dynamic
// blocks the way tflint does: an instance's attributes are evaluated with count.index,
// each.key, each.value or the iterator in scope and bound to their expressions, and a
// count or for_each that is not known yields no instance.

// maxInstances bounds how many instances or dynamic blocks one block may expand to; a
// larger count is treated as unknown, so a typo such as count = 1e9 cannot stall tflint.
const maxInstances = 10000

// scope holds the iteration variables (count, each, dynamic iterators) of an instance.
type scope map[string]cty.Value

func (s scope) with(name string, v cty.Value) scope {
	out := make(scope, len(s)+1)
	for k, val := range s {
		out[k] = val
	}
	out[name] = v
	return out
}

// hclSchemas caches the hcl form of each hclext schema, with dynamic blocks added.
var hclSchemas = map[*hclext.BodySchema]*hcl.BodySchema{}

func hclSchema(s *hclext.BodySchema) *hcl.BodySchema {
	if hs, ok := hclSchemas[s]; ok {
		return hs
	}
	hs := &hcl.BodySchema{}
	for _, a := range s.Attributes {
		hs.Attributes = append(hs.Attributes, hcl.AttributeSchema{Name: a.Name})
	}
	for _, b := range s.Blocks {
		hs.Blocks = append(hs.Blocks, hcl.BlockHeaderSchema{Type: b.Type, LabelNames: b.LabelNames})
	}
	hs.Blocks = append(hs.Blocks, hcl.BlockHeaderSchema{Type: "dynamic", LabelNames: []string{"type"}})
	hclSchemas[s] = hs
	return hs
}

var (
	dynamicSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "for_each"}, {Name: "iterator"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "content"}},
	}
	metaSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "count"}, {Name: "for_each"}},
	}
)

// expandResource returns the instances of one resource block: one when it has neither
// count nor for_each, none when they are not known.
func (m *Module) expandResource(typ, name string, block *hcl.Block) []*Resource {
	meta, _, _ := block.Body.PartialContent(metaSchema)
	var scopes []scope
	switch {
	case meta.Attributes["count"] != nil:
		v := m.eval.Value(meta.Attributes["count"].Expr)
		n, ok := wholeNumber(v)
		ok = ok && n <= maxInstances
		for i := int64(0); ok && i < n; i++ {
			scopes = append(scopes, scope{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(i)})})
		}
	case meta.Attributes["for_each"] != nil:
		v := m.eval.Value(meta.Attributes["for_each"].Expr)
		for _, kv := range elements(v) {
			scopes = append(scopes, scope{"each": cty.ObjectVal(map[string]cty.Value{"key": kv[0], "value": kv[1]})})
		}
	default:
		scopes = []scope{nil}
	}
	var out []*Resource
	for _, s := range scopes {
		r := &Resource{Type: typ, Name: name}
		if body, ok := block.Body.(*hclsyntax.Body); ok {
			start := body.SrcRange.Start
			r.OpenBrace = hcl.Range{Filename: body.SrcRange.Filename, Start: start,
				End: hcl.Pos{Line: start.Line, Column: start.Column + 1, Byte: start.Byte + 1}}
		}
		r.Block = &hclext.Block{
			Type: "resource", Labels: []string{typ, name},
			Body:     m.expandBody(r, block.Body, watchedTypes[typ], s),
			DefRange: block.DefRange, TypeRange: block.TypeRange, LabelRanges: block.LabelRanges,
		}
		out = append(out, r)
	}
	return out
}

// expandBody reads body with schema, expanding dynamic blocks, and binds every attribute
// to its value when the body is inside an iteration.
func (m *Module) expandBody(r *Resource, body hcl.Body, schema *hclext.BodySchema, s scope) *hclext.BodyContent {
	content, _, _ := body.PartialContent(hclSchema(schema))
	out := &hclext.BodyContent{Attributes: hclext.Attributes{}}
	for name, a := range content.Attributes {
		expr := a.Expr
		if len(s) > 0 {
			expr = hclext.BindValue(m.eval.ValueIn(expr, s), expr)
		}
		out.Attributes[name] = &hclext.Attribute{Name: name, Expr: expr, Range: a.Range, NameRange: a.NameRange}
	}
	children := map[string]*hclext.BodySchema{}
	for _, b := range schema.Blocks {
		children[b.Type] = b.Body
	}
	for _, b := range content.Blocks {
		if b.Type != "dynamic" {
			out.Blocks = append(out.Blocks, &hclext.Block{
				Type: b.Type, Labels: b.Labels, Body: m.expandBody(r, b.Body, children[b.Type], s),
				DefRange: b.DefRange, TypeRange: b.TypeRange, LabelRanges: b.LabelRanges,
			})
			continue
		}
		target := b.Labels[0]
		childSchema, wanted := children[target]
		if !wanted {
			continue
		}
		out.Blocks = append(out.Blocks, m.expandDynamic(r, b, target, childSchema, s)...)
	}
	return out
}

// expandDynamic expands a dynamic block into the blocks it generates. When its for_each
// is not known, it generates none and the resource is marked as maybe having them.
func (m *Module) expandDynamic(r *Resource, b *hcl.Block, target string, schema *hclext.BodySchema, s scope) []*hclext.Block {
	dyn, _, _ := b.Body.PartialContent(dynamicSchema)
	forEach := dyn.Attributes["for_each"]
	contents := dyn.Blocks.OfType("content")
	if forEach == nil || len(contents) == 0 {
		return nil
	}
	iterator := target
	if it := dyn.Attributes["iterator"]; it != nil {
		if kw := hcl.ExprAsKeyword(it.Expr); kw != "" {
			iterator = kw
		}
	}
	v := m.eval.ValueIn(forEach.Expr, s)
	if !v.IsWhollyKnown() || v.IsMarked() {
		m.markDynamic(r, target)
		return nil
	}
	var out []*hclext.Block
	for _, kv := range elements(v) {
		inner := s.with(iterator, cty.ObjectVal(map[string]cty.Value{"key": kv[0], "value": kv[1]}))
		out = append(out, &hclext.Block{
			Type: target, Body: m.expandBody(r, contents[0].Body, schema, inner),
			DefRange: b.DefRange, TypeRange: b.TypeRange,
		})
	}
	return out
}

func (m *Module) markDynamic(r *Resource, typ string) {
	if m.dynamic[r] == nil {
		m.dynamic[r] = map[string]bool{}
	}
	m.dynamic[r][typ] = true
}

// wholeNumber returns a known, non-negative whole number.
func wholeNumber(v cty.Value) (int64, bool) {
	if !v.IsKnown() || v.IsNull() || v.IsMarked() || v.Type() != cty.Number {
		return 0, false
	}
	bf := v.AsBigFloat()
	n, acc := bf.Int64()
	if !bf.IsInt() || acc != 0 || n < 0 {
		return 0, false
	}
	return n, true
}

// elements returns the key and value of each element of a known map, object, set or
// list, as for_each sees them; nothing for anything else.
func elements(v cty.Value) [][2]cty.Value {
	if !v.IsWhollyKnown() || v.IsNull() || v.IsMarked() {
		return nil
	}
	ty := v.Type()
	if !(ty.IsMapType() || ty.IsObjectType() || ty.IsSetType() || ty.IsListType() || ty.IsTupleType()) {
		return nil
	}
	if v.LengthInt() > maxInstances {
		return nil
	}
	var out [][2]cty.Value
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		if ty.IsSetType() {
			k = e
		}
		out = append(out, [2]cty.Value{k, e})
	}
	return out
}
