package hclnative

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// parseExpression parses a whole expression: binary operations, optionally
// the condition of a conditional whose true and false results are whole
// expressions in turn (so conditionals nest to the right).
func (p *parser) parseExpression() hclsyntax.Expression {
	p.enter()
	defer p.leave()
	start := p.peek().from
	cond := p.parseBinary(0)
	if p.peekKind() != tokQuestion {
		return cond
	}
	p.read()
	trueResult := p.parseExpression()
	if p.peekKind() != tokColon {
		fail("missing false expression in conditional")
	}
	p.read()
	falseResult := p.parseExpression()
	return &hclsyntax.ConditionalExpr{
		Condition:   cond,
		TrueResult:  trueResult,
		FalseResult: falseResult,
		SrcRange:    hcl.Range{Filename: p.filename, Start: start, End: falseResult.Range().End},
	}
}

// binaryOperator returns the operation a token stands for as a binary
// operator, and its precedence level (0 binds loosest), or nil.
func binaryOperator(k tokenKind) (*hclsyntax.Operation, int) {
	switch k {
	case tokOr:
		return hclsyntax.OpLogicalOr, 0
	case tokAnd:
		return hclsyntax.OpLogicalAnd, 1
	case tokEqualOp:
		return hclsyntax.OpEqual, 2
	case tokNotEqual:
		return hclsyntax.OpNotEqual, 2
	case tokGreaterThan:
		return hclsyntax.OpGreaterThan, 3
	case tokGreaterThanEq:
		return hclsyntax.OpGreaterThanOrEqual, 3
	case tokLessThan:
		return hclsyntax.OpLessThan, 3
	case tokLessThanEq:
		return hclsyntax.OpLessThanOrEqual, 3
	case tokPlus:
		return hclsyntax.OpAdd, 4
	case tokMinus:
		return hclsyntax.OpSubtract, 4
	case tokStar:
		return hclsyntax.OpMultiply, 5
	case tokSlash:
		return hclsyntax.OpDivide, 5
	case tokPercent:
		return hclsyntax.OpModulo, 5
	}
	return nil, 0
}

// parseBinary parses operands joined by binary operators of precedence
// minLevel or higher. All operators associate to the left, so precedence
// climbing builds the same tree as hclsyntax's one recursion per level.
func (p *parser) parseBinary(minLevel int) hclsyntax.Expression {
	lhs := p.parseOperand()
	for {
		op, level := binaryOperator(p.peekKind())
		if op == nil || level < minLevel {
			return lhs
		}
		p.read()
		rhs := p.parseBinary(level + 1)
		lhs = &hclsyntax.BinaryOpExpr{
			LHS:      lhs,
			Op:       op,
			RHS:      rhs,
			SrcRange: hcl.RangeBetween(lhs.Range(), rhs.Range()),
		}
	}
}

// parseOperand parses a term and the traversals applied to it.
func (p *parser) parseOperand() hclsyntax.Expression {
	return p.parseTraversals(p.parseTerm())
}

// parseTerm parses one term: a parenthesised expression, a literal, a
// variable, a function call, a template, a unary operation, a tuple or an
// object.
func (p *parser) parseTerm() hclsyntax.Expression {
	switch p.peekKind() {
	case tokOParen:
		open := p.read()
		p.pushNewlines(false)
		expr := p.parseExpression()
		if p.peekKind() != tokCParen {
			fail("unbalanced parentheses")
		}
		close := p.read()
		p.popNewlines()
		return &hclsyntax.ParenthesesExpr{
			Expression: expr,
			SrcRange:   hcl.RangeBetween(p.rangeOf(open), p.rangeOf(close)),
		}

	case tokNumber:
		t := p.read()
		return p.newLiteral(p.numberValue(t), p.rangeOf(t))

	case tokIdent:
		t := p.read()
		if k := p.peekKind(); k == tokOParen || k == tokDoubleColon {
			return p.finishFunctionCall(t)
		}
		rng := p.rangeOf(t)
		switch string(p.text(t)) {
		case "true":
			return p.newLiteral(cty.True, rng)
		case "false":
			return p.newLiteral(cty.False, rng)
		case "null":
			return p.newLiteral(cty.NullVal(cty.DynamicPseudoType), rng)
		}
		e := p.scopes.alloc()
		e.Traversal = p.newTraversal(hcl.TraverseRoot{Name: p.name(t), SrcRange: rng})
		e.SrcRange = rng
		return e

	case tokOQuote, tokOHeredoc:
		return p.parseTemplateExpr()

	case tokMinus, tokBang:
		t := p.read()
		op := hclsyntax.OpNegate
		if t.kind == tokBang {
			op = hclsyntax.OpLogicalNot
		}
		// The operand is a single term with its traversals, so that
		// -1 + 2 is (-1) + 2.
		p.enter()
		operand := p.parseOperand()
		p.leave()
		symbol := p.rangeOf(t)
		return &hclsyntax.UnaryOpExpr{
			Op:          op,
			Val:         operand,
			SrcRange:    hcl.RangeBetween(symbol, operand.Range()),
			SymbolRange: symbol,
		}

	case tokOBrack:
		return p.parseTuple()

	case tokOBrace:
		return p.parseObject()
	}
	fail("expected the start of an expression")
	return nil
}

// numberValue returns the value of a number literal token, parsed as
// hclsyntax parses it.
func (p *parser) numberValue(t token) cty.Value {
	v, err := cty.ParseNumberVal(p.name(t))
	if err != nil {
		fail("invalid number literal")
	}
	return v
}

// parseTraversals parses the attribute accesses, index operations and splats
// applied to from.
func (p *parser) parseTraversals(from hclsyntax.Expression) hclsyntax.Expression {
	fromRange := from.Range() // only its start is used, which traversals do not move
	ret := from
	for {
		switch p.peekKind() {
		case tokDot:
			dot := p.read()
			switch p.peekKind() {
			case tokIdent:
				name := p.read()
				rng := hcl.RangeBetween(p.rangeOf(dot), p.rangeOf(name))
				ret = appendTraverser(ret, hcl.TraverseAttr{Name: p.name(name), SrcRange: rng}, rng)
			case tokNumber:
				ret = appendTraverser(ret, p.legacyIndex(dot), hcl.RangeBetween(p.rangeOf(dot), p.prevRange()))
			case tokStar:
				ret = p.finishAttrSplat(ret, fromRange, dot)
			default:
				fail("invalid attribute name")
			}

		case tokOBrack:
			open := p.read()
			if p.peekKind() == tokStar {
				p.read()
				close := p.read()
				if close.kind != tokCBrack {
					fail("missing close bracket on splat index")
				}
				marker := hcl.RangeBetween(p.rangeOf(open), p.rangeOf(close))
				item := &hclsyntax.AnonSymbolExpr{SrcRange: marker}
				p.enter()
				each := p.parseTraversals(item)
				p.leave()
				ret = &hclsyntax.SplatExpr{
					Source:      ret,
					Each:        each,
					Item:        item,
					SrcRange:    hcl.RangeBetween(fromRange, each.Range()),
					MarkerRange: marker,
				}
				continue
			}
			p.pushNewlines(false)
			key := p.parseExpression()
			close := p.read()
			if close.kind != tokCBrack {
				fail("missing close bracket on index")
			}
			p.popNewlines()
			rng := hcl.RangeBetween(p.rangeOf(open), p.rangeOf(close))
			if k, ok := staticIndexKey(key); ok {
				ret = appendTraverser(ret, hcl.TraverseIndex{Key: k, SrcRange: rng}, rng)
				continue
			}
			ret = &hclsyntax.IndexExpr{
				Collection:   ret,
				Key:          key,
				SrcRange:     hcl.RangeBetween(fromRange, rng),
				OpenRange:    p.rangeOf(open),
				BracketRange: rng,
			}

		default:
			return ret
		}
	}
}

// staticIndexKey returns the key of an index operation whose key hclsyntax
// turns into a traversal step: a literal value or a template that is just a
// string literal.
func staticIndexKey(key hclsyntax.Expression) (cty.Value, bool) {
	switch k := key.(type) {
	case *hclsyntax.LiteralValueExpr:
		return k.Val, true
	case *hclsyntax.TemplateExpr:
		if k.IsStringLiteral() {
			v, _ := k.Value(nil)
			return v, true
		}
	}
	return cty.NilVal, false
}

// legacyIndex parses the number after a dot in the legacy index syntax
// `a.0`, returning the index step from the dot to the number. A number with
// a dot in it, as in `a.0.1`, is an error in hclsyntax.
func (p *parser) legacyIndex(dot token) hcl.TraverseIndex {
	num := p.read()
	for _, c := range p.text(num) {
		if c == '.' {
			fail("invalid legacy index syntax")
		}
	}
	return hcl.TraverseIndex{
		Key:      p.numberValue(num),
		SrcRange: hcl.RangeBetween(p.rangeOf(dot), p.rangeOf(num)),
	}
}

// finishAttrSplat parses an attribute-only splat, `.*` then any number of
// `.name` and `.0` steps, applied to source; dot is the dot before the star.
func (p *parser) finishAttrSplat(source hclsyntax.Expression, fromRange hcl.Range, dot token) hclsyntax.Expression {
	star := p.read()
	marker := hcl.RangeBetween(p.rangeOf(dot), p.rangeOf(star))
	first := p.rangeOf(*p.peek())
	last := p.rangeOf(star)
	var trav hcl.Traversal
	for p.peekKind() == tokDot {
		stepDot := p.read()
		switch p.peekKind() {
		case tokNumber:
			trav = append(trav, p.legacyIndex(stepDot))
		case tokIdent:
			name := p.read()
			trav = append(trav, hcl.TraverseAttr{
				Name:     p.name(name),
				SrcRange: hcl.RangeBetween(p.rangeOf(stepDot), p.rangeOf(name)),
			})
		default:
			fail("invalid attribute name in splat")
		}
		last = p.prevRange()
	}
	item := &hclsyntax.AnonSymbolExpr{SrcRange: marker}
	var each hclsyntax.Expression = item
	if len(trav) > 0 {
		each = &hclsyntax.RelativeTraversalExpr{
			Source:    item,
			Traversal: trav,
			SrcRange:  hcl.RangeBetween(first, last),
		}
	}
	return &hclsyntax.SplatExpr{
		Source:      source,
		Each:        each,
		Item:        item,
		SrcRange:    hcl.RangeBetween(fromRange, last),
		MarkerRange: marker,
	}
}

// appendTraverser applies a traversal step to expr as hclsyntax does: a
// traversal expression is extended in place, anything else is wrapped in a
// new relative traversal.
func appendTraverser(expr hclsyntax.Expression, step hcl.Traverser, rng hcl.Range) hclsyntax.Expression {
	switch e := expr.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		e.Traversal = append(e.Traversal, step)
		e.SrcRange = hcl.RangeBetween(e.SrcRange, rng)
		return e
	case *hclsyntax.RelativeTraversalExpr:
		e.Traversal = append(e.Traversal, step)
		e.SrcRange = hcl.RangeBetween(e.SrcRange, rng)
		return e
	}
	return &hclsyntax.RelativeTraversalExpr{
		Source:    expr,
		Traversal: hcl.Traversal{step},
		SrcRange:  hcl.RangeBetween(expr.Range(), rng),
	}
}
