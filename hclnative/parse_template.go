package hclnative

import (
	"strings"
	"unicode"

	"github.com/apparentlymart/go-textseg/v15/textseg"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// partKind is the kind of a template part.
type partKind uint8

const (
	partLiteral partKind = iota
	partInterp
	partIf
	partElse
	partEndIf
	partFor
	partEndFor
)

// templatePart is one element of a template between its delimiters: a
// literal token (its value already resolved and strip markers applied), an
// interpolation, or a directive marker. hclsyntax first flattens a template
// into such parts, then trims flush heredocs, joins adjacent literals and
// nests the directives; this package does the same, in that order, because
// strip markers and flush trimming act on single tokens and so depend on
// where the tokens split.
type templatePart struct {
	kind   partKind
	value  string // partLiteral: the text
	rng    hcl.Range
	expr   hclsyntax.Expression // partInterp: the expression; partIf: the condition; partFor: the collection
	keyVar string               // partFor
	valVar string               // partFor
}

// parseTemplateExpr parses a quoted template or a heredoc, starting at its
// opening token. A template that is one interpolation and nothing else is a
// TemplateWrapExpr; any other is a TemplateExpr.
func (p *parser) parseTemplateExpr() hclsyntax.Expression {
	open := p.read()
	closer, flush := tokCQuote, false
	if open.kind == tokOHeredoc {
		closer = tokCHeredoc
		text := p.text(open)
		flush = len(text) > 2 && text[2] == '-'
	}
	base := len(p.parts)
	p.parseTemplateParts(closer)
	parts := p.parts[base:]
	if flush {
		flushHeredoc(parts)
	}
	parts = meldLiterals(parts)
	p.parts = p.parts[:base+len(parts)]
	rng := hcl.RangeBetween(p.rangeOf(open), p.prevRange())

	if len(parts) == 1 && parts[0].kind == partInterp {
		wrapped := parts[0].expr
		p.parts = p.parts[:base]
		return &hclsyntax.TemplateWrapExpr{Wrapped: wrapped, SrcRange: rng}
	}
	b := templateBuilder{parts: parts, alloc: &p.nodeAllocator}
	exprs := b.sequence(false)
	p.parts = p.parts[:base]
	e := p.templates.alloc()
	e.Parts, e.SrcRange = exprs, rng
	return e
}

// parseTemplateParts reads template tokens up to and including the closer,
// appending their parts to p.parts.
func (p *parser) parseTemplateParts(closer tokenKind) {
	base := len(p.parts)
	start := p.rangeOf(*p.peek())
	ltrimNext, nextCanTrimPrev := false, false
	for {
		t := p.read()
		if t.kind == closer {
			break
		}
		ltrim, canTrimPrev := ltrimNext, nextCanTrimPrev
		ltrimNext, nextCanTrimPrev = false, false

		switch t.kind {
		case tokQuotedLit, tokStringLit:
			value := literalString(p.text(t), t.kind == tokQuotedLit)
			if ltrim {
				value = strings.TrimLeftFunc(value, unicode.IsSpace)
			}
			p.parts = append(p.parts, templatePart{kind: partLiteral, value: value, rng: p.rangeOf(t)})
			nextCanTrimPrev = true

		case tokTemplateInterp:
			if canTrimPrev {
				p.stripPreviousLiteral(t, base)
			}
			p.pushNewlines(false)
			expr := p.parseExpression()
			close := p.closeSequence()
			ltrimNext = p.text(close)[0] == '~'
			p.popNewlines()
			p.parts = append(p.parts, templatePart{
				kind: partInterp,
				expr: expr,
				rng:  hcl.RangeBetween(p.rangeOf(t), p.rangeOf(close)),
			})

		case tokTemplateControl:
			if canTrimPrev {
				p.stripPreviousLiteral(t, base)
			}
			p.pushNewlines(false)
			p.parts = append(p.parts, p.parseDirective(t))
			close := p.closeSequence()
			ltrimNext = p.text(close)[0] == '~'
			p.popNewlines()

		default:
			fail("unterminated template")
		}
	}
	if len(p.parts) == base {
		// An empty template is one empty literal, placed just after the
		// first token following the opener (hclsyntax's choice).
		at := hcl.Range{Filename: start.Filename, Start: start.End, End: start.End}
		p.parts = append(p.parts, templatePart{kind: partLiteral, rng: at})
	}
}

// stripPreviousLiteral applies the "~" of a "${~" or "%{~" opener: the
// literal part just before it, if the token before it was a literal, loses
// its trailing white space.
func (p *parser) stripPreviousLiteral(opener token, base int) {
	if text := p.text(opener); len(text) != 3 || len(p.parts) == base {
		return
	}
	if last := &p.parts[len(p.parts)-1]; last.kind == partLiteral {
		last.value = strings.TrimRightFunc(last.value, unicode.IsSpace)
	}
}

// closeSequence reads the "}" or "~}" that ends a template sequence.
func (p *parser) closeSequence() token {
	if p.peekKind() != tokTemplateSeqEnd {
		fail("extra characters in template sequence")
	}
	return p.read()
}

// parseDirective parses the inside of a "%{" directive, up to its closing
// brace, opener being the "%{" token. A directive's range runs from its
// opener to its closing brace.
func (p *parser) parseDirective(opener token) templatePart {
	kw := p.read()
	if kw.kind != tokIdent {
		fail("template directive keyword expected")
	}
	var part templatePart
	switch string(p.text(kw)) {
	case "if":
		part = templatePart{kind: partIf, expr: p.parseExpression()}
	case "else":
		part = templatePart{kind: partElse}
	case "endif":
		part = templatePart{kind: partEndIf}
	case "endfor":
		part = templatePart{kind: partEndFor}
	case "for":
		name := p.read()
		if name.kind != tokIdent {
			fail("for directive requires a variable name")
		}
		part = templatePart{kind: partFor, valVar: p.name(name)}
		if p.peekKind() == tokComma {
			p.read()
			name = p.read()
			if name.kind != tokIdent {
				fail("for directive requires a value variable name")
			}
			part.keyVar, part.valVar = part.valVar, p.name(name)
		}
		if !p.peekIsKeyword("in") {
			fail("for directive requires in")
		}
		p.read()
		part.expr = p.parseExpression()
	default:
		fail("invalid template control keyword")
	}
	part.rng = hcl.RangeBetween(p.rangeOf(opener), p.rangeOf(*p.peek()))
	return part
}

// flushHeredoc applies the rule of "<<-" heredocs to the literal parts that
// begin lines: they all lose as many leading white space characters (grapheme
// clusters) as the least indented line has. Lines made only of white space
// do not count, and a line that starts with a sequence has no indent.
func flushHeredoc(parts []templatePart) {
	const none = int(^uint(0) >> 1)
	minSpaces := none
	var adjust []int
	newline := true
	for i := range parts {
		part := &parts[i]
		if newline {
			newline = false
			spaces := 0
			if part.kind == partLiteral {
				trimmed := strings.TrimLeftFunc(part.value, unicode.IsSpace)
				if trimmed == "" && strings.HasSuffix(part.value, "\n") {
					spaces = none // a blank line
				} else {
					spaces = graphemeCount(part.value[:len(part.value)-len(trimmed)])
					adjust = append(adjust, i)
				}
			}
			minSpaces = min(minSpaces, spaces)
		}
		if part.kind == partLiteral && strings.HasSuffix(part.value, "\n") {
			newline = true
		}
	}
	for _, i := range adjust {
		part := &parts[i]
		n := graphemePrefixLen(part.value, minSpaces)
		part.value = part.value[n:]
		part.rng.Start.Column += minSpaces
		part.rng.Start.Byte += n
	}
}

// graphemeCount returns the number of grapheme clusters in s.
func graphemeCount(s string) int {
	if isASCIIWithoutCR(s) {
		return len(s)
	}
	n, _ := textseg.TokenCount([]byte(s), textseg.ScanGraphemeClusters)
	return n
}

// graphemePrefixLen returns the length in bytes of the first n grapheme
// clusters of s.
func graphemePrefixLen(s string, n int) int {
	if isASCIIWithoutCR(s) {
		return min(n, len(s))
	}
	b := []byte(s)
	total := 0
	for i := 0; i < n; i++ {
		adv, _, _ := textseg.ScanGraphemeClusters(b, true)
		total += adv
		b = b[adv:]
	}
	return total
}

// isASCIIWithoutCR reports whether every byte of s is ASCII and none is a
// carriage return, so that each byte is one grapheme cluster.
func isASCIIWithoutCR(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == '\r' {
			return false
		}
	}
	return true
}

// meldLiterals joins each run of adjacent literal parts into one, in place,
// and returns the shortened slice.
func meldLiterals(parts []templatePart) []templatePart {
	out := parts[:0]
	for _, part := range parts {
		if n := len(out); n > 0 && part.kind == partLiteral && out[n-1].kind == partLiteral {
			out[n-1].value += part.value
			out[n-1].rng.End = part.rng.End
			continue
		}
		out = append(out, part)
	}
	return out
}

// templateBuilder nests the directive parts of a template into expressions.
type templateBuilder struct {
	parts []templatePart
	pos   int
	alloc *nodeAllocator
}

// sequence builds the expressions of parts up to the first directive end
// (else, endif or endfor), which it leaves unread, or to the end of the
// parts. nested says whether the sequence is inside a directive, where it must
// end with a directive end, while the template's top level must not meet one.
func (b *templateBuilder) sequence(nested bool) []hclsyntax.Expression {
	var exprs []hclsyntax.Expression
	for b.pos < len(b.parts) {
		part := &b.parts[b.pos]
		switch part.kind {
		case partLiteral:
			exprs = append(exprs, b.alloc.newLiteral(cty.StringVal(part.value), part.rng))
			b.pos++
		case partInterp:
			exprs = append(exprs, part.expr)
			b.pos++
		case partIf:
			exprs = append(exprs, b.ifDirective())
		case partFor:
			exprs = append(exprs, b.forDirective())
		default:
			if !nested {
				fail("unexpected template directive end")
			}
			return exprs
		}
	}
	if nested {
		fail("unclosed template directive")
	}
	return exprs
}

// ifDirective builds a ConditionalExpr from an if directive, its parts, an
// optional else and the endif.
func (b *templateBuilder) ifDirective() hclsyntax.Expression {
	open := b.parts[b.pos]
	b.pos++
	ifExprs := b.sequence(true)
	var elseExprs []hclsyntax.Expression
	if b.parts[b.pos].kind == partElse {
		b.pos++
		elseExprs = b.sequence(true)
	}
	end := b.parts[b.pos]
	if end.kind != partEndIf {
		fail("if directive closed by the wrong directive")
	}
	b.pos++
	if len(ifExprs) == 0 {
		at := hcl.Range{Filename: open.rng.Filename, Start: open.rng.End, End: open.rng.End}
		ifExprs = []hclsyntax.Expression{&hclsyntax.LiteralValueExpr{Val: cty.StringVal(""), SrcRange: at}}
	}
	if len(elseExprs) == 0 {
		at := hcl.Range{Filename: end.rng.Filename, Start: end.rng.Start, End: end.rng.Start}
		elseExprs = []hclsyntax.Expression{&hclsyntax.LiteralValueExpr{Val: cty.StringVal(""), SrcRange: at}}
	}
	return &hclsyntax.ConditionalExpr{
		Condition:   open.expr,
		TrueResult:  joinedTemplate(ifExprs),
		FalseResult: joinedTemplate(elseExprs),
		SrcRange:    hcl.RangeBetween(open.rng, end.rng),
	}
}

// forDirective builds the TemplateJoinExpr of a for directive, its parts and
// the endfor.
func (b *templateBuilder) forDirective() hclsyntax.Expression {
	open := b.parts[b.pos]
	b.pos++
	content := b.sequence(true)
	end := b.parts[b.pos]
	if end.kind != partEndFor {
		fail("for directive closed by the wrong directive")
	}
	b.pos++
	if len(content) == 0 {
		at := hcl.Range{Filename: open.rng.Filename, Start: open.rng.End, End: open.rng.End}
		content = []hclsyntax.Expression{&hclsyntax.LiteralValueExpr{Val: cty.StringVal(""), SrcRange: at}}
	}
	return &hclsyntax.TemplateJoinExpr{
		Tuple: &hclsyntax.ForExpr{
			KeyVar:     open.keyVar,
			ValVar:     open.valVar,
			CollExpr:   open.expr,
			ValExpr:    joinedTemplate(content),
			SrcRange:   hcl.RangeBetween(open.rng, end.rng),
			OpenRange:  open.rng,
			CloseRange: end.rng,
		},
	}
}

// joinedTemplate wraps the expressions of a directive's branch in a
// TemplateExpr spanning them.
func joinedTemplate(exprs []hclsyntax.Expression) *hclsyntax.TemplateExpr {
	return &hclsyntax.TemplateExpr{
		Parts:    exprs,
		SrcRange: hcl.RangeBetween(exprs[0].Range(), exprs[len(exprs)-1].Range()),
	}
}
