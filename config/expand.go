package config

import (
	"fmt"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/logger"
	"github.com/zclconf/go-cty/cty"

	"github.com/fargate-lint/tflint-ruleset-fargate/hcleval"
)

// The configuration reads the module's files itself instead of asking tflint for their content:
// one transfer of the files costs far less than tflint serialising every resource and
// the plugin parsing each expression again. It expands count, for_each and dynamic
// blocks the way tflint does: an instance's attributes are evaluated with count.index,
// each.key, each.value or the iterator in scope and bound to their expressions, and a
// count or for_each that is not known yields no instance.

// maxInstances bounds how many instances or dynamic blocks one block may expand to; a
// larger count is treated as unknown, so a typo such as count = 1e9 cannot stall tflint.
const maxInstances = 10000

// schemaIndex is an hclext schema ready for reading bodies: its attribute names and
// nested block schemas by type, and its hcl form with dynamic blocks added.
type schemaIndex struct {
	attrs  map[string]bool
	blocks map[string]*hclext.BodySchema
	hcl    *hcl.BodySchema
}

// schemaIndexes caches the index of each schema; safe for concurrent use.
var schemaIndexes sync.Map // *hclext.BodySchema -> *schemaIndex

func indexOf(s *hclext.BodySchema) *schemaIndex {
	if idx, ok := schemaIndexes.Load(s); ok {
		return idx.(*schemaIndex)
	}
	idx := &schemaIndex{attrs: map[string]bool{}, blocks: map[string]*hclext.BodySchema{}, hcl: &hcl.BodySchema{}}
	for _, a := range s.Attributes {
		idx.attrs[a.Name] = true
		idx.hcl.Attributes = append(idx.hcl.Attributes, hcl.AttributeSchema{Name: a.Name})
	}
	for _, b := range s.Blocks {
		idx.blocks[b.Type] = b.Body
		idx.hcl.Blocks = append(idx.hcl.Blocks, hcl.BlockHeaderSchema{Type: b.Type, LabelNames: b.LabelNames})
	}
	idx.hcl.Blocks = append(idx.hcl.Blocks, hcl.BlockHeaderSchema{Type: "dynamic", LabelNames: []string{"type"}})
	actual, _ := schemaIndexes.LoadOrStore(s, idx)
	return actual.(*schemaIndex)
}

// bodyItems returns the attributes and blocks of body that schema names (and dynamic
// blocks). Native syntax is read directly; JSON through hcl's PartialContent.
func bodyItems(body hcl.Body, idx *schemaIndex) ([]*hclext.Attribute, []*hcl.Block) {
	var attrs []*hclext.Attribute
	var blocks []*hcl.Block
	if sb, ok := body.(*hclsyntax.Body); ok {
		for name, a := range sb.Attributes {
			if idx.attrs[name] {
				attrs = append(attrs, &hclext.Attribute{Name: name, Expr: a.Expr, Range: a.SrcRange, NameRange: a.NameRange})
			}
		}
		for _, b := range sb.Blocks {
			if _, wanted := idx.blocks[b.Type]; wanted || (b.Type == "dynamic" && len(b.Labels) == 1) {
				blocks = append(blocks, &hcl.Block{Type: b.Type, Labels: b.Labels, Body: b.Body,
					DefRange: b.DefRange(), TypeRange: b.TypeRange, LabelRanges: b.LabelRanges})
			}
		}
		return attrs, blocks
	}
	content, _, _ := body.PartialContent(idx.hcl)
	for name, a := range content.Attributes {
		attrs = append(attrs, &hclext.Attribute{Name: name, Expr: a.Expr, Range: a.Range, NameRange: a.NameRange})
	}
	return attrs, content.Blocks
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

// metaOf reads a block's count and for_each, directly in native syntax.
func metaOf(body hcl.Body) *hcl.BodyContent {
	sb, ok := body.(*hclsyntax.Body)
	if !ok {
		meta, _, _ := body.PartialContent(metaSchema)
		return meta
	}
	meta := &hcl.BodyContent{Attributes: hcl.Attributes{}}
	for _, name := range []string{"count", "for_each"} {
		if a := sb.Attributes[name]; a != nil {
			meta.Attributes[name] = &hcl.Attribute{Name: name, Expr: a.Expr, Range: a.SrcRange, NameRange: a.NameRange}
		}
	}
	return meta
}

// iteration is what a block's count or for_each gives: one scope and key per instance.
type iteration struct {
	scopes []scope
	keys   []cty.Value
	// count and forEach say which meta-argument the block has; unknown that its value
	// is not known, so the block may have instances the configuration cannot see.
	count, forEach, unknown bool
	// tooMany is the number of instances when it is over maxInstances.
	tooMany int64
}

// iterate evaluates the count or for_each of a block (read with metaSchema) with eval.
// A block with neither has one instance. each.value keeps the marks of what it was read
// from; a sensitive count or for_each is not known.
func iterate(meta *hcl.BodyContent, eval func(hcl.Expression) cty.Value) iteration {
	var it iteration
	switch {
	case meta.Attributes["count"] != nil:
		it.count = true
		v := eval(meta.Attributes["count"].Expr)
		n, ok := wholeNumber(hcleval.Plain(v))
		if ok && n > maxInstances {
			it.tooMany, ok = n, false
		}
		if !ok || hcleval.Sensitive(v) {
			it.unknown = true
			return it
		}
		for i := int64(0); i < n; i++ {
			it.scopes = append(it.scopes, scope{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(i)})})
			it.keys = append(it.keys, cty.NumberIntVal(i))
		}
	case meta.Attributes["for_each"] != nil:
		it.forEach = true
		v := eval(meta.Attributes["for_each"].Expr)
		elems, ok := iterable(v)
		if !ok {
			v, _ = v.Unmark()
			if v.IsWhollyKnown() && !v.IsNull() && v.CanIterateElements() && v.LengthInt() > maxInstances {
				it.tooMany = int64(v.LengthInt())
			}
			it.unknown = true
			return it
		}
		for _, kv := range elems {
			key := hcleval.Plain(kv[0])
			if key.Type() != cty.String || key.IsMarked() {
				return iteration{forEach: true, unknown: true}
			}
			it.scopes = append(it.scopes, scope{"each": cty.ObjectVal(map[string]cty.Value{"key": key, "value": kv[1]})})
			it.keys = append(it.keys, key)
		}
	default:
		it.scopes = []scope{nil}
	}
	return it
}

// expand works out the instances of one resource block, once: one when it has neither
// count nor for_each, none when they are not known (rb.unknown). Blocks expand on first
// use, so a reference to a resource written further down the module finds it.
func (m *Config) expand(rb *resourceBlock) {
	if rb.expanded || rb.visiting {
		return
	}
	rb.visiting = true
	defer func() { rb.visiting, rb.expanded = false, true }()

	it := iterate(metaOf(rb.block.Body), rb.mod.eval.Value)
	if it.tooMany > 0 {
		tooMany(rb, it.tooMany)
	}
	rb.count, rb.forEach, rb.unknown, rb.keys = it.count, it.forEach, it.unknown, it.keys
	scopes := it.scopes
	for _, s := range scopes {
		if m.refused(rb, s) {
			// Terraform stops the plan at a precondition known to fail: what the
			// resource would be is moot, and it may still exist once fixed.
			rb.unknown, rb.keys, scopes = true, nil, nil
			break
		}
	}
	for i, s := range scopes {
		r := &Resource{Type: rb.typ, Name: rb.name, scope: s, key: rb.instanceKey(i), mod: rb.mod}
		if body, ok := rb.block.Body.(*hclsyntax.Body); ok {
			start := body.SrcRange.Start
			r.OpenBrace = hcl.Range{Filename: body.SrcRange.Filename, Start: start,
				End: hcl.Pos{Line: start.Line, Column: start.Column + 1, Byte: start.Byte + 1}}
		}
		r.Block = &hclext.Block{
			Type: "resource", Labels: []string{rb.typ, rb.name},
			Body:     m.expandBody(r, rb.block.Body, m.schema.Resources[rb.typ], s),
			DefRange: rb.block.DefRange, TypeRange: rb.block.TypeRange, LabelRanges: rb.block.LabelRanges,
		}
		rb.instances = append(rb.instances, r)
	}
}

// tooMany logs that a resource has more instances than the configuration expands.
func tooMany(rb *resourceBlock, n int64) {
	logger.Warn(fmt.Sprintf("fargate: %s.%s has %d instances, more than the %d the plugin reads; it is not checked (%s)",
		rb.typ, rb.name, n, maxInstances, rb.block.DefRange))
}

// expandBody reads body with schema, expanding dynamic blocks, and binds every attribute
// to its value when the body is inside an iteration.
func (m *Config) expandBody(r *Resource, body hcl.Body, schema *hclext.BodySchema, s scope) *hclext.BodyContent {
	idx := indexOf(schema)
	attrs, blocks := bodyItems(body, idx)
	out := &hclext.BodyContent{Attributes: make(hclext.Attributes, len(attrs))}
	for _, a := range attrs {
		if len(s) > 0 || r.mod.parent != nil {
			// Bound to this instance's value: the expression alone does not say which
			// count, for_each or module instance it is evaluated in.
			a.Expr = bind(r.mod.eval.ValueIn(a.Expr, s), a.Expr)
		}
		out.Attributes[a.Name] = a
	}
	for _, b := range blocks {
		if b.Type != "dynamic" {
			out.Blocks = append(out.Blocks, &hclext.Block{
				Type: b.Type, Labels: b.Labels, Body: m.expandBody(r, b.Body, idx.blocks[b.Type], s),
				DefRange: b.DefRange, TypeRange: b.TypeRange, LabelRanges: b.LabelRanges,
			})
			continue
		}
		target := b.Labels[0]
		childSchema, wanted := idx.blocks[target]
		if !wanted {
			continue
		}
		out.Blocks = append(out.Blocks, m.expandDynamic(r, b, target, childSchema, s)...)
	}
	return out
}

// expandDynamic expands a dynamic block into the blocks it generates. When its for_each
// is not known, it generates none and the resource is marked as maybe having them.
func (m *Config) expandDynamic(r *Resource, b *hcl.Block, target string, schema *hclext.BodySchema, s scope) []*hclext.Block {
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
	v := r.mod.eval.ValueIn(forEach.Expr, s)
	elems, ok := iterable(v)
	if !ok {
		m.markDynamic(r, target)
		return nil
	}
	var out []*hclext.Block
	for _, kv := range elems {
		inner := s.with(iterator, cty.ObjectVal(map[string]cty.Value{"key": kv[0], "value": kv[1]}))
		blk := &hclext.Block{
			Type: target, Body: m.expandBody(r, contents[0].Body, schema, inner),
			DefRange: b.DefRange, TypeRange: b.TypeRange,
		}
		m.generated[blk] = kv[1]
		out = append(out, blk)
	}
	return out
}

func (m *Config) markDynamic(r *Resource, typ string) {
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

// iterable returns the elements of a for_each value, as elements does, keeping the marks
// of each element; a sensitive value cannot be iterated.
func iterable(v cty.Value) ([][2]cty.Value, bool) {
	if hcleval.Sensitive(v) {
		return nil, false
	}
	v, _ = v.Unmark()
	return elements(v)
}

// elements returns the key and value of each element of a known map, object, set or
// list, as for_each sees them; ok is false for anything else, and for a collection too
// large to expand. Elements keep their marks.
//
// As in Terraform, the keys must be known (for a set, its elements) but the values need
// not be: an instance whose each.value is unknown still exists.
func elements(v cty.Value) (kvs [][2]cty.Value, ok bool) {
	if !v.IsKnown() || v.IsNull() || v.IsMarked() {
		return nil, false
	}
	ty := v.Type()
	if !(ty.IsMapType() || ty.IsObjectType() || ty.IsSetType() || ty.IsListType() || ty.IsTupleType()) {
		return nil, false
	}
	if v.LengthInt() > maxInstances {
		return nil, false
	}
	if ty.IsSetType() && !v.IsWhollyKnown() {
		return nil, false
	}
	var out [][2]cty.Value
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		if ty.IsSetType() {
			k = e
		}
		out = append(out, [2]cty.Value{k, e})
	}
	return out, true
}

// instanceKey writes the key of instance i as in an address: "", [0] or ["k"].
func (rb *resourceBlock) instanceKey(i int) string {
	switch {
	case rb.count:
		return fmt.Sprintf("[%d]", i)
	case rb.forEach:
		return fmt.Sprintf("[%q]", rb.keys[i].AsString())
	}
	return ""
}

// refused reports whether a precondition of the resource block (lifecycle { precondition
// { condition = ... } }) is known to fail in the instance scope s.
func (m *Config) refused(rb *resourceBlock, s scope) bool {
	body, ok := rb.block.Body.(*hclsyntax.Body)
	if !ok {
		return false
	}
	for _, lc := range body.Blocks {
		if lc.Type != "lifecycle" {
			continue
		}
		for _, pc := range lc.Body.Blocks {
			cond := pc.Body.Attributes["condition"]
			if pc.Type != "precondition" || cond == nil {
				continue
			}
			v := hcleval.Plain(rb.mod.eval.ValueIn(cond.Expr, s))
			if v.IsKnown() && !v.IsNull() && !v.IsMarked() && v.Type() == cty.Bool && v.False() {
				return true
			}
		}
	}
	return false
}
