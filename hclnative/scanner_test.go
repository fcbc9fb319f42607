package hclnative

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// hclsyntaxKinds maps each token kind to the hclsyntax token type it stands for.
var hclsyntaxKinds = map[tokenKind]hclsyntax.TokenType{
	tokEOF: hclsyntax.TokenEOF, tokNewline: hclsyntax.TokenNewline, tokComment: hclsyntax.TokenComment,
	tokIdent: hclsyntax.TokenIdent, tokNumber: hclsyntax.TokenNumberLit,
	tokOBrace: hclsyntax.TokenOBrace, tokCBrace: hclsyntax.TokenCBrace, tokOBrack: hclsyntax.TokenOBrack,
	tokCBrack: hclsyntax.TokenCBrack, tokOParen: hclsyntax.TokenOParen, tokCParen: hclsyntax.TokenCParen,
	tokOQuote: hclsyntax.TokenOQuote, tokCQuote: hclsyntax.TokenCQuote, tokOHeredoc: hclsyntax.TokenOHeredoc,
	tokCHeredoc: hclsyntax.TokenCHeredoc, tokStar: hclsyntax.TokenStar, tokSlash: hclsyntax.TokenSlash,
	tokPlus: hclsyntax.TokenPlus, tokMinus: hclsyntax.TokenMinus, tokPercent: hclsyntax.TokenPercent,
	tokEqual: hclsyntax.TokenEqual, tokEqualOp: hclsyntax.TokenEqualOp, tokNotEqual: hclsyntax.TokenNotEqual,
	tokLessThan: hclsyntax.TokenLessThan, tokLessThanEq: hclsyntax.TokenLessThanEq,
	tokGreaterThan: hclsyntax.TokenGreaterThan, tokGreaterThanEq: hclsyntax.TokenGreaterThanEq,
	tokAnd: hclsyntax.TokenAnd, tokOr: hclsyntax.TokenOr, tokBang: hclsyntax.TokenBang,
	tokDot: hclsyntax.TokenDot, tokComma: hclsyntax.TokenComma, tokDoubleColon: hclsyntax.TokenDoubleColon,
	tokEllipsis: hclsyntax.TokenEllipsis, tokFatArrow: hclsyntax.TokenFatArrow,
	tokQuestion: hclsyntax.TokenQuestion, tokColon: hclsyntax.TokenColon,
	tokTemplateInterp: hclsyntax.TokenTemplateInterp, tokTemplateControl: hclsyntax.TokenTemplateControl,
	tokTemplateSeqEnd: hclsyntax.TokenTemplateSeqEnd, tokQuotedLit: hclsyntax.TokenQuotedLit,
	tokStringLit: hclsyntax.TokenStringLit,
}

// scanAll scans the whole of src, returning its tokens up to and including
// EOF, or the reason the scanner declined. complete is false when the
// scanner reached the end inside a template or an interpolation.
func scanAll(src []byte) (toks []token, complete bool, reason string) {
	defer func() {
		if r := recover(); r != nil {
			d, ok := r.(decline)
			if !ok {
				panic(r)
			}
			toks, complete, reason = nil, false, string(d)
		}
	}()
	s := newScanner(src)
	for {
		t := s.next()
		toks = append(toks, t)
		if t.kind == tokEOF {
			return toks, len(s.modes) == 1, ""
		}
	}
}

// checkTokens requires the scanner to produce hclsyntax's tokens for src
// whenever it scans it to the end without declining.
func checkTokens(t *testing.T, src []byte) {
	t.Helper()
	toks, complete, _ := scanAll(src)
	if !complete {
		return
	}
	want, _ := hclsyntax.LexConfig(src, "f.tf", hcl.InitialPos)
	got := make([]string, len(toks))
	for i, tk := range toks {
		rng := hcl.Range{Filename: "f.tf", Start: tk.from, End: tk.to}
		got[i] = fmt.Sprintf("%c %q %s", hclsyntaxKinds[tk.kind], src[tk.from.Byte:tk.to.Byte], rng)
	}
	exp := make([]string, len(want))
	for i, tk := range want {
		exp[i] = fmt.Sprintf("%c %q %s", tk.Type, tk.Bytes, tk.Range)
	}
	if strings.Join(got, "\n") != strings.Join(exp, "\n") {
		t.Errorf("tokens differ for %q\ngot:\n%s\nwant:\n%s", src, strings.Join(got, "\n"), strings.Join(exp, "\n"))
	}
}

// TestScannerMatchesHCLSyntax compares the scanner's tokens with
// hclsyntax's for the table snippets.
func TestScannerMatchesHCLSyntax(t *testing.T) {
	for _, src := range tableSources() {
		checkTokens(t, []byte(src))
	}
}

// FuzzScanner checks that the scanner produces hclsyntax's tokens, kinds,
// bytes and ranges, for any input it scans to the end without declining.
func FuzzScanner(f *testing.F) {
	for _, src := range tableSources() {
		f.Add([]byte(src))
	}
	rnd := rand.New(rand.NewSource(3))
	for i := 0; i < 50; i++ {
		f.Add(generate(rnd))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkTokens(t, src)
	})
}
