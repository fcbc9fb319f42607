package hclnative

import "github.com/hashicorp/hcl/v2"

// peeker gives the parser one significant token of lookahead over the
// scanner, with hclsyntax's rules for what is significant: comments are
// skipped, except that a line comment (which ends with its line feed) stands
// for a newline where newlines count, and newlines count only while the top
// of the newline-mode stack says so.
//
// Tokens scanned ahead but not yet read wait in a small queue, since a peek in
// one newline mode may pass over newlines that a later peek in the other mode
// must see.
type peeker struct {
	scanner  scanner
	filename string

	queue []token // scanned, unread tokens are queue[head:]
	head  int

	newlines []bool // newline-mode stack; the last entry is in force
	prev     token  // the token read last
	fake     token  // a line comment standing for a newline, as last peeked
}

// pushNewlines enters a newline mode: include says whether newlines are
// significant until the matching popNewlines.
func (p *peeker) pushNewlines(include bool) {
	p.newlines = append(p.newlines, include)
}

// popNewlines leaves the newline mode entered last.
func (p *peeker) popNewlines() {
	p.newlines = p.newlines[:len(p.newlines)-1]
}

// find returns the index in the queue of the next significant token,
// scanning more tokens as needed, and whether that token is a line comment
// standing for a newline.
func (p *peeker) find() (int, bool) {
	include := p.newlines[len(p.newlines)-1]
	for i := p.head; ; i++ {
		if i == len(p.queue) {
			p.queue = append(p.queue, p.scanner.next())
		}
		switch t := &p.queue[i]; t.kind {
		case tokComment:
			if include && p.scanner.src[t.to.Byte-1] == '\n' {
				return i, true
			}
			continue
		case tokNewline:
			if !include {
				continue
			}
		}
		return i, false
	}
}

// peek returns the next significant token without consuming it; the
// pointer is valid until the next peek or read. A line comment standing for a
// newline comes back as a newline token with the comment's range, as in
// hclsyntax.
func (p *peeker) peek() *token {
	if p.head < len(p.queue) {
		if t := &p.queue[p.head]; t.kind != tokComment && t.kind != tokNewline {
			return t
		}
	}
	i, asNewline := p.find()
	if asNewline {
		p.fake = p.queue[i]
		p.fake.kind = tokNewline
		return &p.fake
	}
	return &p.queue[i]
}

// peekKind returns the kind of the next significant token.
func (p *peeker) peekKind() tokenKind {
	return p.peek().kind
}

// read consumes and returns the next significant token, and the
// insignificant ones before it.
func (p *peeker) read() token {
	i, asNewline := p.head, false
	if i >= len(p.queue) || p.queue[i].kind == tokComment || p.queue[i].kind == tokNewline {
		i, asNewline = p.find()
	}
	p.prev = p.queue[i]
	if asNewline {
		p.prev.kind = tokNewline
	}
	p.head = i + 1
	if p.head == len(p.queue) {
		p.queue = p.queue[:0]
		p.head = 0
	}
	return p.prev
}

// rangeOf returns the source range of t.
func (p *peeker) rangeOf(t token) hcl.Range {
	return hcl.Range{Filename: p.filename, Start: t.from, End: t.to}
}

// prevRange returns the range of the token read last.
func (p *peeker) prevRange() hcl.Range {
	return p.rangeOf(p.prev)
}

// text returns the source bytes of t.
func (p *peeker) text(t token) []byte {
	return p.scanner.src[t.from.Byte:t.to.Byte]
}
