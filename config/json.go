package config

import (
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"

	"github.com/fargate-lint/tflint-ruleset-fargate/hcleval"
	"github.com/fargate-lint/tflint-ruleset-fargate/tffunc"
	"github.com/fargate-lint/tflint-ruleset-fargate/tree"
)

// DecodeJSON decodes an attribute that holds a JSON document (jsonencode(...), a JSON
// string or heredoc, a templatefile). It returns the document, or a syntax error when the text is
// known and malformed. Every part the plugin cannot know is an unknown node.
//
// Ranges point where the user writes each part: a key or value inside jsonencode(...),
// the text inside a heredoc, or the attribute itself when the text comes from a file,
// a variable or a function result.
//
// r is the resource instance the attribute belongs to: jsonencode's argument is
// evaluated in its scope (count.index, each), so that one unknown part of the document
// stays one unknown node.
func (m *Config) DecodeJSON(r *Resource, attr *hclext.Attribute) (*tree.Node, *tree.SyntaxError) {
	return m.decodeJSON(r, attr.Expr, attr.Expr.Range(), 0)
}

func (m *Config) decodeJSON(r *Resource, expr hcl.Expression, rng hcl.Range, hops int) (*tree.Node, *tree.SyntaxError) {
	_, isBound := boundOf(expr)
	syntax := hcl.UnwrapExpression(expr)

	if call, ok := syntax.(*hclsyntax.FunctionCallExpr); ok && call.Name == "jsonencode" && len(call.Args) == 1 && !call.ExpandFinal {
		n := tree.FromMarkedValue(m.rawIn(r, call.Args[0]), rng, placer)
		if n.Kind != tree.Unknown {
			m.overlay(r, n, call.Args[0], 0)
		}
		return n, nil
	}

	if tmpl, ok := syntax.(*hclsyntax.TemplateExpr); ok {
		if text, at, holes, encoded, ok := m.templateText(r, tmpl); ok {
			if !holes && len(encoded) == 0 {
				return tree.ParseJSON(text, at)
			}
			// Known parts known, unknown parts unknown leaves, and a partly unknown
			// encoding ("[${jsonencode(container)}]") its known parts. Text that only
			// fails to parse around a hole may parse once the value is known: no syntax
			// finding.
			if n, serr := tree.ParseJSONWithHoles(text, at, hole); serr == nil {
				parts := make([]*tree.Node, len(encoded))
				for i, part := range encoded {
					parts[i], _ = m.decodeJSON(r, part, part.Range(), hops+1)
				}
				if n, ok := spliceEncodings(n, parts); ok {
					return n, nil
				}
			}
			return tree.NewUnknown(rng), nil
		}
	}

	if tr, ok := syntax.(*hclsyntax.ScopeTraversalExpr); ok && !isBound && hops < maxLocalHops {
		if local, ok := m.localExpr(r.mod, tr.Traversal); ok {
			return m.decodeJSON(r, local, local.Range(), hops+1)
		}
	}

	raw := m.raw(expr)
	if !isBound {
		raw = m.rawIn(r, expr)
	}
	if encoded, ok := tffunc.EncodedValue(raw); ok {
		// JSON a module encoded from a value with unknown parts: its known parts, placed
		// where they were written.
		return tree.FromMarkedValue(encoded, rng, placer), nil
	}
	v := hcleval.Plain(raw)
	if !v.IsKnown() {
		if call, ok := syntax.(*hclsyntax.FunctionCallExpr); ok && call.Name == "templatefile" && len(call.Args) == 2 && !call.ExpandFinal {
			return m.partialTemplate(r, call, rng), nil
		}
	}
	if !v.IsKnown() || v.IsMarked() || v.IsNull() || v.Type() != cty.String {
		return tree.NewUnknown(rng), nil
	}
	text := v.AsString()
	encodings := tffunc.Encodings(raw)
	if len(encodings) == 0 {
		n, serr := tree.ParseJSON(text, tree.Fixed(rng))
		if serr == nil {
			placeLeaves(n, raw)
		}
		return n, serr
	}
	n, serr := tree.ParseJSON(text, offsets{})
	if serr != nil {
		serr.Range = rng
		return nil, serr
	}
	placeEncodings(n, text, encodings)
	place(n, rng) // what no encoding placed: the expression the document came from
	placeLeaves(n, raw)
	return n, nil
}

// offsets locates a span of a text by its offsets alone (Start.Byte, End.Byte), so that
// the nodes of a document can be matched with the texts it was assembled from.
type offsets struct{}

// Range returns the span.
func (offsets) Range(start, end int) hcl.Range {
	return hcl.Range{Start: hcl.Pos{Byte: start}, End: hcl.Pos{Byte: end}}
}

// placeEncodings places the parts of a document (parsed with offsets) where the values
// that jsonencode made parts of its text of were written: a module that encodes what its
// caller passed, and hands the text on to another module, which wraps or joins it into
// the document a resource reads. An encoding is used only where its text is one node of
// the document, and only when it is the one encoding with that text spanning exactly one
// node: two texts alike cannot be told apart.
func placeEncodings(n *tree.Node, text string, encodings []tffunc.Encoding) {
	spans := map[[2]int]*tree.Node{}
	var walk func(*tree.Node)
	walk = func(n *tree.Node) {
		spans[[2]int{n.Range.Start.Byte, n.Range.End.Byte}] = n
		for _, it := range n.Items {
			walk(it)
		}
		for _, mem := range n.Members {
			walk(mem.Value)
		}
	}
	walk(n)
	// The longest first: a text that holds another is placed by its own encoding first.
	slices.SortFunc(encodings, func(a, b tffunc.Encoding) int {
		if len(a.Text) != len(b.Text) {
			return len(b.Text) - len(a.Text)
		}
		return strings.Compare(a.Text, b.Text)
	})
	byText := map[string]int{}
	for _, e := range encodings {
		byText[e.Text]++
	}
	for _, e := range encodings {
		if byText[e.Text] != 1 {
			continue
		}
		var at *tree.Node
		count := 0
		for off := 0; off <= len(text)-len(e.Text); {
			i := strings.Index(text[off:], e.Text)
			if i < 0 {
				break
			}
			if node := spans[[2]int{off + i, off + i + len(e.Text)}]; node != nil {
				at, count = node, count+1
			}
			off += i + 1
		}
		if count == 1 {
			graft(at, tree.FromMarkedValue(e.Value, hcl.Range{}, placer))
		}
	}
}

// graft copies onto n the places of src, the same document built from the marked value
// it was encoded from, wherever src knows where a part was written.
func graft(n, src *tree.Node) {
	if src.Exact && !n.Exact {
		n.Range, n.Exact, n.Spanned = src.Range, true, src.Spanned
	}
	switch {
	case n.Kind == tree.Array && src.Kind == tree.Array && len(n.Items) == len(src.Items):
		for i, it := range n.Items {
			graft(it, src.Items[i])
		}
	case n.Kind == tree.Object && src.Kind == tree.Object:
		for _, mem := range n.Members {
			from := src.Member(mem.Key)
			if from == nil {
				continue
			}
			graft(mem.Value, from.Value)
			if from.Value.Exact && mem.Value.Exact {
				mem.KeyRange = from.KeyRange
			}
		}
	}
}

// placeLeaves places the numbers and strings of a document rendered from a marked
// string (templatefile with a module's variables, say) where the user wrote them: at the
// one origin among the string's marks that says exactly that value.
func placeLeaves(n *tree.Node, rendered cty.Value) {
	origins := map[string][]hcl.Range{}
	for mark := range rendered.Marks() {
		if o, ok := mark.(origin); ok {
			origins[o.text] = append(origins[o.text], o.rng)
		}
	}
	if len(origins) == 0 {
		return
	}
	var walk func(*tree.Node)
	walk = func(n *tree.Node) {
		if (n.Kind == tree.Number || n.Kind == tree.String) && !n.Exact {
			if at := origins[n.Text]; len(at) == 1 {
				n.Range, n.Exact = at[0], true
			}
		}
		for _, it := range n.Items {
			walk(it)
		}
		for _, mem := range n.Members {
			walk(mem.Value)
			if mem.Value.Exact {
				mem.KeyRange = mem.Value.Range
			}
		}
	}
	walk(n)
}

// hole stands for an interpolation whose value is not known in the text of a template
// (a character of Unicode's private use area, which JSON texts do not contain).
const hole = "\uE000"

// templateText returns the text of a template (a quoted string or heredoc) as Terraform
// will render it, with a locator that maps the text back to the source: literal parts
// written verbatim map character by character, everything else to its own range. An
// interpolation whose value is not known (or is sensitive) is written as hole, and holes
// says there are some; ok is false when a literal part already holds the hole character.
func (m *Config) templateText(r *Resource, tmpl *hclsyntax.TemplateExpr) (text string, at tree.Locator, holes bool, encoded []hclsyntax.Expression, ok bool) {
	var b strings.Builder
	p := &pieces{}
	for _, part := range tmpl.Parts {
		var s string
		if lit, isLit := part.(*hclsyntax.LiteralValueExpr); isLit && lit.Val.Type() == cty.String {
			s = lit.Val.AsString()
			if strings.Contains(s, hole) || strings.Contains(s, encodedMarker) {
				return "", nil, false, nil, false
			}
		} else if _, isEncoding := tffunc.EncodedValue(m.rawIn(r, part)); isEncoding {
			s = strconv.Quote(encodedMarker + strconv.Itoa(len(encoded)))
			encoded = append(encoded, part)
		} else {
			var known bool
			s, known = partText(m.valueIn(r, part))
			if !known || strings.Contains(s, hole) {
				s, holes = hole, true
			}
		}
		p.add(b.Len(), s, part.Range())
		b.WriteString(s)
	}
	return b.String(), p, holes, encoded, true
}

// encodedMarker begins the JSON string that stands in a template's text for an
// interpolated encoding with unknown parts, numbered in order (see spliceEncodings).
const encodedMarker = "\uE001encoded:"

// spliceEncodings replaces in n each stand-in string of a template's encodings with the
// document decoded from that interpolation (its known parts, placed where they were
// written). ok is false when a stand-in is part of a longer string or of a key: the text
// is then not known.
func spliceEncodings(n *tree.Node, encoded []*tree.Node) (*tree.Node, bool) {
	if len(encoded) == 0 {
		return n, true
	}
	switch n.Kind {
	case tree.String:
		rest, isMarker := strings.CutPrefix(n.Text, encodedMarker)
		if !isMarker {
			return n, !strings.Contains(n.Text, encodedMarker)
		}
		i, err := strconv.Atoi(rest)
		if err != nil || i < 0 || i >= len(encoded) || encoded[i] == nil {
			return nil, false
		}
		return encoded[i], true
	case tree.Array:
		for j, it := range n.Items {
			spliced, ok := spliceEncodings(it, encoded)
			if !ok {
				return nil, false
			}
			n.Items[j] = spliced
		}
	case tree.Object:
		for _, mem := range n.Members {
			if strings.Contains(mem.Key, encodedMarker) {
				return nil, false
			}
			spliced, ok := spliceEncodings(mem.Value, encoded)
			if !ok {
				return nil, false
			}
			mem.Value = spliced
		}
	}
	return n, true
}

// partialTemplate reads the JSON a templatefile call renders when some of its
// variables are not known: known parts known, each unknown interpolation an unknown
// value. Findings land on the call (rng), as for a wholly known template.
func (m *Config) partialTemplate(r *Resource, call *hclsyntax.FunctionCallExpr, rng hcl.Range) *tree.Node {
	path := m.valueIn(r, call.Args[0])
	if !path.IsKnown() || path.IsMarked() || path.IsNull() || path.Type() != cty.String {
		return tree.NewUnknown(rng)
	}
	parts, ok := tffunc.TemplateFileParts(tffunc.Options{BaseDir: m.baseDir}, path.AsString(), m.valueIn(r, call.Args[1]))
	if !ok {
		return tree.NewUnknown(rng)
	}
	var b strings.Builder
	for _, v := range parts {
		s, known := partText(v)
		if !known || strings.Contains(s, hole) {
			s = hole
		}
		b.WriteString(s)
	}
	n, serr := tree.ParseJSONWithHoles(b.String(), tree.Fixed(rng), hole)
	if serr != nil {
		return tree.NewUnknown(rng)
	}
	return n
}

// partText is the text a known string, number or bool is rendered as in a template.
// A sensitive value (the only marks left on an evaluated part) is not rendered.
func partText(v cty.Value) (string, bool) {
	if !v.IsWhollyKnown() || v.IsMarked() {
		return "", false
	}
	return literalText(v)
}

// pieces locates offsets of a text assembled from template parts.
type pieces struct {
	starts []int
	locs   []tree.Locator
}

func (p *pieces) add(start int, s string, rng hcl.Range) {
	p.starts = append(p.starts, start)
	p.locs = append(p.locs, locatePart(s, rng))
}

// locatePart returns a locator for a template part whose value is s and whose source is
// rng. A part written verbatim, or verbatim but for the indentation an indented heredoc
// strips from each line, maps character by character; any other part (a quoted string
// with escapes, an interpolation) maps to its whole range.
func locatePart(s string, rng hcl.Range) tree.Locator {
	removed := rng.End.Byte - rng.Start.Byte - len(s)
	if removed == 0 {
		return tree.NewVerbatim(s, rng.Filename, rng.Start, 0)
	}
	lines := strings.Split(s, "\n")
	if removed < 0 || rng.End.Line-rng.Start.Line != len(lines)-1 {
		return tree.Fixed(rng)
	}
	indented := 0
	for _, l := range lines[1:] {
		if l != "" {
			indented++
		}
	}
	if indented == 0 || removed%indented != 0 {
		return tree.Fixed(rng)
	}
	return tree.NewVerbatim(s, rng.Filename, rng.Start, removed/indented)
}

// Range maps a span to the piece its start falls in; a span crossing pieces ends where
// its last piece does.
func (p *pieces) Range(start, end int) hcl.Range {
	first, last := p.index(start), p.index(max(start, end-1))
	r := p.locs[first].Range(start-p.starts[first], end-p.starts[first])
	if last != first {
		r.End = p.locs[last].Range(end-p.starts[last], end-p.starts[last]).End
	}
	return r
}

func (p *pieces) index(off int) int {
	i := 0
	for i+1 < len(p.starts) && p.starts[i+1] <= off {
		i++
	}
	return i
}

// overlay moves the ranges of n to where its parts are written in expr, the argument of
// jsonencode: object keys and values, tuple elements, and through locals.
func (m *Config) overlay(r *Resource, n *tree.Node, expr hcl.Expression, hops int) {
	expr = hcl.UnwrapExpression(expr)
	switch e := expr.(type) {
	case *hclsyntax.ObjectConsExpr:
		if n.Kind != tree.Object {
			return
		}
		writtenHere(n, e.Range())
		for _, item := range e.Items {
			key := hcl.ExprAsKeyword(item.KeyExpr)
			if key == "" {
				if v := m.valueIn(r, item.KeyExpr); v.IsKnown() && !v.IsMarked() && v.Type() == cty.String {
					key = v.AsString()
				}
			}
			if mem := n.Member(key); key != "" && mem != nil {
				if !mem.Value.Exact || (mem.Value.Spanned && isConstructor(item.ValueExpr)) {
					mem.KeyRange = item.KeyExpr.Range()
				}
				m.overlay(r, mem.Value, item.ValueExpr, hops)
			}
		}
	case *hclsyntax.TupleConsExpr:
		if n.Kind != tree.Array || len(n.Items) != len(e.Exprs) {
			return
		}
		writtenHere(n, e.Range())
		for i, item := range e.Exprs {
			m.overlay(r, n.Items[i], item, hops)
		}
	case *hclsyntax.ScopeTraversalExpr:
		if local, ok := m.localExpr(r.mod, e.Traversal); ok && hops < maxLocalHops {
			m.overlay(r, n, local, hops+1)
			return
		}
		place(n, e.Range())
	default:
		place(n, expr.Range())
	}
}

// place puts a node and everything under it at rng.
// writtenHere places an object or array at the constructor written for it, unless a
// mark already says where this very value was written.
func writtenHere(n *tree.Node, rng hcl.Range) {
	if !n.Exact || n.Spanned {
		n.Range, n.Spanned = rng, false
	}
}

// isConstructor reports whether expr builds an object or a tuple where it is written.
func isConstructor(expr hcl.Expression) bool {
	switch hcl.UnwrapExpression(expr).(type) {
	case *hclsyntax.ObjectConsExpr, *hclsyntax.TupleConsExpr:
		return true
	}
	return false
}

// place puts every part of n that was not placed where it was written at rng, the
// expression it came from.
func place(n *tree.Node, rng hcl.Range) {
	if !n.Exact {
		n.Range = rng
	}
	for _, it := range n.Items {
		place(it, rng)
	}
	for _, mem := range n.Members {
		if !mem.Value.Exact {
			mem.KeyRange = rng
		}
		place(mem.Value, rng)
	}
}
