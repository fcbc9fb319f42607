package hclnative

import "github.com/hashicorp/hcl/v2"

// tokenKind identifies a lexical token. The kinds mirror hclsyntax's token
// types, less the ones that always make hclsyntax report an error (the
// scanner declines on those instead of producing them).
type tokenKind uint8

const (
	tokEOF tokenKind = iota
	tokNewline
	tokComment
	tokIdent
	tokNumber
	tokOBrace
	tokCBrace
	tokOBrack
	tokCBrack
	tokOParen
	tokCParen
	tokOQuote
	tokCQuote
	tokOHeredoc
	tokCHeredoc
	tokStar
	tokSlash
	tokPlus
	tokMinus
	tokPercent
	tokEqual
	tokEqualOp
	tokNotEqual
	tokLessThan
	tokLessThanEq
	tokGreaterThan
	tokGreaterThanEq
	tokAnd
	tokOr
	tokBang
	tokDot
	tokComma
	tokDoubleColon
	tokEllipsis
	tokFatArrow
	tokQuestion
	tokColon
	tokTemplateInterp
	tokTemplateControl
	tokTemplateSeqEnd
	tokQuotedLit // literal part of a quoted template; may hold backslash escapes
	tokStringLit // literal part of a heredoc template; no backslash escapes
)

// token is one lexical token: its kind and its start and end positions as
// hclsyntax computes them. The positions' Byte fields are offsets into the
// source, so the token's bytes are src[from.Byte:to.Byte].
type token struct {
	kind     tokenKind
	from, to hcl.Pos
}

// decline is the panic value the scanner and parser use to abandon a file
// they cannot reproduce with certainty; Parse recovers it and returns
// nil, false. The string says why, for tests and debugging.
type decline string

// fail abandons the parse with the given reason.
func fail(reason string) {
	panic(decline(reason))
}
