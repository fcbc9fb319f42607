package hclnative

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// parseFile parses the root body, which runs to the end of the file. Its
// range starts at the first token that counts at the top level (a newline or a
// line comment counts), as hclsyntax's does.
func (p *parser) parseFile() *hclsyntax.Body {
	start := p.rangeOf(*p.peek())
	return p.parseBody(tokEOF, start)
}

// parseBody parses attributes and blocks, one to a line, up to and including
// the end token (EOF or "}"). start is the range the body's range starts at.
func (p *parser) parseBody(end tokenKind, start hcl.Range) *hclsyntax.Body {
	attrs := hclsyntax.Attributes{}
	blocks := hclsyntax.Blocks{}
	for {
		switch t := *p.peek(); t.kind {
		case end:
			p.read()
			endRange := p.rangeOf(t)
			body := p.bodies.alloc()
			body.Attributes = attrs
			body.Blocks = blocks
			body.SrcRange = hcl.RangeBetween(start, endRange)
			body.EndRange = hcl.Range{Filename: endRange.Filename, Start: endRange.End, End: endRange.End}
			return body
		case tokNewline:
			p.read()
		case tokIdent:
			ident := p.read()
			switch p.peekKind() {
			case tokEqual:
				attr := p.finishAttribute(ident, false)
				if _, exists := attrs[attr.Name]; exists {
					fail("attribute redefined")
				}
				attrs[attr.Name] = attr
			case tokOQuote, tokOBrace, tokIdent:
				blocks = append(blocks, p.finishBlock(ident))
			default:
				fail("argument or block definition required")
			}
		default:
			fail("argument or block definition required")
		}
	}
}

// finishAttribute parses the rest of an attribute after its name: the
// equals sign, the expression and, unless the attribute is the single one of
// a one-line block, the newline (or end of file) after it.
func (p *parser) finishAttribute(name token, singleLine bool) *hclsyntax.Attribute {
	equals := p.read()
	expr := p.parseExpression()
	end := p.prevRange()
	if !singleLine {
		if k := p.peekKind(); k != tokNewline && k != tokEOF {
			fail("missing newline after argument")
		}
		p.read()
	}
	nameRange := p.rangeOf(name)
	attr := p.attributes.alloc()
	*attr = hclsyntax.Attribute{
		Name:        p.name(name),
		Expr:        expr,
		SrcRange:    hcl.RangeBetween(nameRange, end),
		NameRange:   nameRange,
		EqualsRange: p.rangeOf(equals),
	}
	return attr
}

// finishBlock parses the rest of a block after its type: labels, then a
// body, either multi-line or holding a single attribute on the same line,
// then the newline (or end of file) after the closing brace.
func (p *parser) finishBlock(typ token) *hclsyntax.Block {
	var labels []string
	var labelRanges []hcl.Range
	var open token
labels:
	for {
		switch p.peekKind() {
		case tokOBrace:
			open = p.read()
			break labels
		case tokOQuote:
			label, rng := p.parseQuotedStringLiteral()
			if labels == nil {
				labels, labelRanges = make([]string, 0, 2), make([]hcl.Range, 0, 2)
			}
			labels = append(labels, label)
			labelRanges = append(labelRanges, rng)
		case tokIdent:
			t := p.read()
			if labels == nil {
				labels, labelRanges = make([]string, 0, 2), make([]hcl.Range, 0, 2)
			}
			labels = append(labels, p.name(t))
			labelRanges = append(labelRanges, p.rangeOf(t))
		default:
			fail("invalid block definition")
		}
	}

	var body *hclsyntax.Body
	switch p.peekKind() {
	case tokNewline, tokEOF, tokCBrace:
		p.enter()
		body = p.parseBody(tokCBrace, p.rangeOf(open))
		p.leave()
	default:
		body = p.parseSingleAttrBody()
		if p.peekKind() != tokCBrace {
			fail("invalid single-argument block definition")
		}
		p.read()
	}
	closeRange := p.prevRange()
	if k := p.peekKind(); k != tokNewline && k != tokEOF {
		fail("missing newline after block definition")
	}
	p.read()

	block := p.blocks.alloc()
	*block = hclsyntax.Block{
		Type:            p.name(typ),
		Labels:          labels,
		Body:            body,
		TypeRange:       p.rangeOf(typ),
		LabelRanges:     labelRanges,
		OpenBraceRange:  p.rangeOf(open),
		CloseBraceRange: closeRange,
	}
	return block
}

// parseSingleAttrBody parses the body of a one-line block, like
// `a { b = 1 }`: exactly one attribute, and no blocks (the body's Blocks is
// nil, unlike a multi-line body's).
func (p *parser) parseSingleAttrBody() *hclsyntax.Body {
	name := p.read()
	if name.kind != tokIdent || p.peekKind() != tokEqual {
		fail("argument definition required in single-line block")
	}
	attr := p.finishAttribute(name, true)
	body := p.bodies.alloc()
	body.Attributes = hclsyntax.Attributes{attr.Name: attr}
	body.SrcRange = attr.SrcRange
	body.EndRange = hcl.Range{Filename: attr.SrcRange.Filename, Start: attr.SrcRange.End, End: attr.SrcRange.End}
	return body
}

// parseQuotedStringLiteral parses a quoted string that may not hold
// template sequences, such as a block label, returning its value (escapes
// resolved, not normalized) and its range, quotes included.
func (p *parser) parseQuotedStringLiteral() (string, hcl.Range) {
	open := p.read()
	var value []byte
	for first := true; ; first = false {
		t := p.read()
		switch t.kind {
		case tokCQuote:
			return string(value), hcl.RangeBetween(p.rangeOf(open), p.rangeOf(t))
		case tokQuotedLit:
			// The common label is one literal token without escapes.
			if first && p.peekKind() == tokCQuote && !needsDecoding(p.text(t), true) {
				end := p.read()
				return p.name(t), hcl.RangeBetween(p.rangeOf(open), p.rangeOf(end))
			}
			value = appendLiteral(value, p.text(t), true)
		default:
			fail("invalid string literal")
		}
	}
}
