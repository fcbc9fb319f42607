package hclnative

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Parse parses src, a file of HCL native syntax named filename, as
// hclsyntax.ParseConfig(src, filename, hcl.InitialPos) does. ok is true only when the
// returned file is identical to hclsyntax's and hclsyntax would report no diagnostics;
// otherwise (a syntax error, or a construct this package leaves to hclsyntax) it returns nil, false.
func Parse(src []byte, filename string) (file *hcl.File, ok bool) {
	defer func() {
		// Nothing may escape: a bug that panics declines like any other
		// uncertainty, and the caller falls back to hclsyntax.
		if recover() != nil {
			file, ok = nil, false
		}
	}()
	body, reason := parseBody(src, filename)
	if reason != "" {
		return nil, false
	}
	return &hcl.File{Body: body, Bytes: src, Nav: navigation{root: body}}, true
}

// parseBody parses the file's root body, or returns nil and the reason it
// declined. Unlike Parse it lets panics other than declines through, so that
// tests see bugs.
func parseBody(src []byte, filename string) (body *hclsyntax.Body, reason string) {
	defer func() {
		if r := recover(); r != nil {
			d, ok := r.(decline)
			if !ok {
				panic(r)
			}
			body, reason = nil, string(d)
		}
	}()
	p := &parser{peeker: peeker{scanner: newScanner(src), filename: filename}}
	p.queue = make([]token, 0, 8)
	p.names = make(map[string]string, 64)
	p.newlines = make([]bool, 1, 16)
	p.newlines[0] = true
	return p.parseFile(), ""
}

// maxDepth bounds the nesting of expressions (and so the parser's
// recursion), so that pathological input declines instead of exhausting the
// stack.
const maxDepth = 2000

// enter notes that parsing goes one level deeper into nested constructs,
// declining past maxDepth; leave undoes it. (A decline abandons the parser,
// so leave need not run then.)
func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		fail("constructs nested too deeply")
	}
}

// leave notes that parsing comes back out of a nested construct.
func (p *parser) leave() {
	p.depth--
}

// parser builds the hclsyntax tree of one file from the peeker's tokens,
// following hclsyntax's parser step by step and declining wherever hclsyntax
// would report a diagnostic.
type parser struct {
	peeker
	nodeAllocator

	// names holds the identifiers met so far, so that repeated names share
	// one string instead of each allocating its own.
	names map[string]string

	// depth counts the nested constructs being parsed, one inside the other.
	depth int

	// parts is a stack of template parts: each template being parsed uses
	// the parts above the length the stack had when it began.
	parts []templatePart
}

// name returns the text of an identifier or literal token as a string,
// shared with earlier tokens of the same text.
func (p *parser) name(t token) string {
	text := p.text(t)
	if s, ok := p.names[string(text)]; ok {
		return s
	}
	s := string(text)
	p.names[s] = s
	return s
}
