package hclnative

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// finishFunctionCall parses a function call after its first name: any
// `::name` parts (provider functions), then the parenthesised arguments, the
// last of which may be expanded with "...".
func (p *parser) finishFunctionCall(name token) hclsyntax.Expression {
	open := p.read()
	fullName := p.name(name)
	nameEnd := name.to
	for open.kind == tokDoubleColon {
		part := p.read()
		if part.kind != tokIdent {
			fail("missing function name after ::")
		}
		fullName += "::" + p.name(part)
		nameEnd = part.to
		open = p.read()
	}
	if open.kind != tokOParen {
		fail("missing open parenthesis")
	}

	var args []hclsyntax.Expression
	expandFinal := false
	var close token
	p.pushNewlines(false)
	for {
		if p.peekKind() == tokCParen {
			close = p.read()
			break
		}
		args = append(args, p.parseExpression())
		sep := p.read()
		if sep.kind == tokCParen {
			close = sep
			break
		}
		if sep.kind == tokEllipsis {
			expandFinal = true
			if p.peekKind() != tokCParen {
				fail("expanded argument not last")
			}
			close = p.read()
			break
		}
		if sep.kind != tokComma {
			fail("missing argument separator")
		}
		if p.peekKind() == tokCParen {
			close = p.read()
			break
		}
	}
	p.popNewlines()

	call := p.calls.alloc()
	*call = hclsyntax.FunctionCallExpr{
		Name:            fullName,
		Args:            args,
		ExpandFinal:     expandFinal,
		NameRange:       hcl.Range{Filename: p.filename, Start: name.from, End: nameEnd},
		OpenParenRange:  p.rangeOf(open),
		CloseParenRange: p.rangeOf(close),
	}
	return call
}

// peekIsKeyword reports whether the next significant token is the
// identifier kw.
func (p *parser) peekIsKeyword(kw string) bool {
	t := p.peek()
	return t.kind == tokIdent && string(p.text(*t)) == kw
}

// parseTuple parses a tuple constructor, or a for expression in brackets.
// Newlines are insignificant inside the brackets.
func (p *parser) parseTuple() hclsyntax.Expression {
	open := p.read()
	p.pushNewlines(false)
	defer p.popNewlines()
	if p.peekIsKeyword("for") {
		return p.finishFor(open)
	}
	var exprs []hclsyntax.Expression
	var close token
	for {
		if p.peekKind() == tokCBrack {
			close = p.read()
			break
		}
		exprs = append(exprs, p.parseExpression())
		k := p.peekKind()
		if k == tokCBrack {
			close = p.read()
			break
		}
		if k != tokComma {
			fail("missing item separator in tuple")
		}
		p.read()
	}
	openRange := p.rangeOf(open)
	tuple := p.tuples.alloc()
	*tuple = hclsyntax.TupleConsExpr{
		Exprs:     exprs,
		SrcRange:  hcl.RangeBetween(openRange, p.rangeOf(close)),
		OpenRange: openRange,
	}
	return tuple
}

// parseObject parses an object constructor, or a for expression in braces.
// Items are separated by commas or newlines; each key is a whole expression,
// wrapped in an ObjectConsKeyExpr that remembers whether it was
// parenthesised.
func (p *parser) parseObject() hclsyntax.Expression {
	open := p.read()
	p.pushNewlines(false)
	isFor := p.peekIsKeyword("for")
	p.popNewlines()
	if isFor {
		return p.finishFor(open)
	}

	p.pushNewlines(true)
	defer p.popNewlines()
	var items []hclsyntax.ObjectConsItem
	var close token
	for {
		k := p.peekKind()
		if k == tokNewline {
			p.read()
			continue
		}
		if k == tokCBrace {
			close = p.read()
			break
		}
		key := p.keys.alloc()
		key.ForceNonLiteral = k == tokOParen
		key.Wrapped = p.parseExpression()
		if k := p.peekKind(); k != tokEqual && k != tokColon {
			fail("missing key/value separator")
		}
		p.read()
		items = append(items, hclsyntax.ObjectConsItem{KeyExpr: key, ValueExpr: p.parseExpression()})
		k = p.peekKind()
		if k == tokCBrace {
			close = p.read()
			break
		}
		if k != tokComma && k != tokNewline {
			fail("missing attribute separator")
		}
		p.read()
	}
	openRange := p.rangeOf(open)
	object := p.objects.alloc()
	*object = hclsyntax.ObjectConsExpr{
		Items:     items,
		SrcRange:  hcl.RangeBetween(openRange, p.rangeOf(close)),
		OpenRange: openRange,
	}
	return object
}

// finishFor parses a for expression after its opening bracket or brace:
// `for [key,] value in collection : [keyExpr =>] valueExpr[...] [if cond]`
// then the closing bracket or brace. An object for needs a key expression;
// a tuple for may have neither a key expression nor grouping.
func (p *parser) finishFor(open token) hclsyntax.Expression {
	p.pushNewlines(false)
	defer p.popNewlines()
	p.read() // "for"
	makeObject := open.kind == tokOBrace
	closeKind := tokCBrack
	if makeObject {
		closeKind = tokCBrace
	}

	name := p.read()
	if name.kind != tokIdent {
		fail("for expression requires a variable name")
	}
	keyVar, valVar := "", p.name(name)
	if p.peekKind() == tokComma {
		p.read()
		name = p.read()
		if name.kind != tokIdent {
			fail("for expression requires a value variable name")
		}
		keyVar, valVar = valVar, p.name(name)
	}
	if !p.peekIsKeyword("in") {
		fail("for expression requires in")
	}
	p.read()
	coll := p.parseExpression()
	if p.peekKind() != tokColon {
		fail("for expression requires a colon")
	}
	p.read()

	var keyExpr hclsyntax.Expression
	valExpr := p.parseExpression()
	if p.peekKind() == tokFatArrow {
		p.read()
		keyExpr = valExpr
		valExpr = p.parseExpression()
	}
	group := false
	if p.peekKind() == tokEllipsis {
		p.read()
		group = true
	}
	var cond hclsyntax.Expression
	if p.peekIsKeyword("if") {
		p.read()
		cond = p.parseExpression()
	}
	close := p.read()
	if close.kind != closeKind {
		fail("extra characters after for expression")
	}
	if makeObject {
		if keyExpr == nil {
			fail("object for expression without key")
		}
	} else if keyExpr != nil || group {
		fail("tuple for expression with key or grouping")
	}

	openRange, closeRange := p.rangeOf(open), p.rangeOf(close)
	return &hclsyntax.ForExpr{
		KeyVar:     keyVar,
		ValVar:     valVar,
		CollExpr:   coll,
		KeyExpr:    keyExpr,
		ValExpr:    valExpr,
		CondExpr:   cond,
		Group:      group,
		SrcRange:   hcl.RangeBetween(openRange, closeRange),
		OpenRange:  openRange,
		CloseRange: closeRange,
	}
}
