package hclnative

import (
	"bytes"

	"github.com/hashicorp/hcl/v2"
)

// scanMode is the lexical context the scanner is in, like the machines
// hclsyntax's scanner calls into and returns from.
type scanMode uint8

const (
	modeMain    scanMode = iota // expressions and bodies
	modeQuoted                  // inside a quoted template "..."
	modeHeredoc                 // inside a heredoc template
)

// heredocState is one heredoc being scanned: its closing marker, and whether
// the scanner stands at the start of one of its lines (only a whole line read
// from its start can close the heredoc).
type heredocState struct {
	marker      []byte
	startOfLine bool
}

// scanner produces the tokens of a file one at a time, on demand, with the
// same boundaries and positions as hclsyntax's scanner. It declines (panics
// with a decline) on any byte sequence for which hclsyntax would emit a token
// that always makes it report an error.
type scanner struct {
	src       []byte
	pos       int // byte offset of the next unscanned byte
	line, col int // position of pos

	modes     []scanMode // call stack of modes; the last is the current one
	braces    int        // depth of open braces in main mode, as hclsyntax counts them
	retBraces []int      // brace depths at which a "}" ends a template sequence
	heredocs  []heredocState
}

// newScanner returns a scanner positioned at the start of src, after a UTF-8
// byte order mark if there is one (hclsyntax skips it: byte offsets count it,
// columns do not).
func newScanner(src []byte) scanner {
	s := scanner{src: src, line: 1, col: 1, modes: make([]scanMode, 1, 8)}
	if bytes.HasPrefix(src, []byte{0xef, 0xbb, 0xbf}) {
		s.pos = 3
	}
	return s
}

// next scans and returns the next token.
func (s *scanner) next() token {
	switch s.modes[len(s.modes)-1] {
	case modeQuoted:
		return s.scanQuoted()
	case modeHeredoc:
		return s.scanHeredoc()
	default:
		return s.scanMain()
	}
}

// here returns the current position.
func (s *scanner) here() hcl.Pos {
	return hcl.Pos{Line: s.line, Column: s.col, Byte: s.pos}
}

// emitFlat returns a token of the given kind ending at end, which must not
// contain line breaks or non-ASCII bytes, and moves past it.
func (s *scanner) emitFlat(kind tokenKind, end int) token {
	t := token{kind: kind, from: s.here()}
	s.col += end - s.pos
	s.pos = end
	t.to = s.here()
	return t
}

// emit returns a token of the given kind ending at end and moves past it,
// counting lines and columns over its bytes.
func (s *scanner) emit(kind tokenKind, end int, nonASCII bool) token {
	t := token{kind: kind, from: s.here()}
	s.advance(end, nonASCII)
	t.to = s.here()
	return t
}

// pushMode enters a nested lexical context.
func (s *scanner) pushMode(m scanMode) {
	s.modes = append(s.modes, m)
}

// popMode returns to the enclosing lexical context.
func (s *scanner) popMode() {
	if len(s.modes) < 2 {
		fail("scanner mode stack underflow")
	}
	s.modes = s.modes[:len(s.modes)-1]
}

// byteAt returns src[i], or 0 past the end of the source.
func (s *scanner) byteAt(i int) byte {
	if i < len(s.src) {
		return s.src[i]
	}
	return 0
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isLetter reports whether c is an ASCII letter.
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isIdentByte reports whether c continues an ASCII identifier; HCL
// identifiers may contain dashes after their first character.
func isIdentByte(c byte) bool {
	return isLetter(c) || isDigit(c) || c == '_' || c == '-'
}

// punctuation maps the characters that are a token on their own, whatever
// follows them, to that token (tokEOF for every other byte).
var punctuation = [256]tokenKind{
	'[': tokOBrack, ']': tokCBrack, '(': tokOParen, ')': tokCParen,
	',': tokComma, '?': tokQuestion, '*': tokStar, '+': tokPlus,
	'-': tokMinus, '%': tokPercent,
}

// scanMain scans one token in main mode.
func (s *scanner) scanMain() token {
	src := s.src
	for s.pos < len(src) && (src[s.pos] == ' ' || src[s.pos] == '\t') {
		s.pos++
		s.col++
	}
	start := s.pos
	if start >= len(src) {
		return token{kind: tokEOF, from: s.here(), to: s.here()}
	}
	c := src[start]
	switch {
	case isLetter(c) || c == '_' || c >= 0x80 && s.startsIdent(start):
		end, nonASCII := s.identEnd(start)
		if nonASCII {
			return s.emit(tokIdent, end, true)
		}
		return s.emitFlat(tokIdent, end)
	case isDigit(c):
		return s.emitFlat(tokNumber, s.numberEnd(start))
	}
	if k := punctuation[c]; k != tokEOF {
		return s.emitFlat(k, start+1)
	}
	next := s.byteAt(start + 1)
	switch c {
	case '\n':
		return s.emit(tokNewline, start+1, false)
	case '\r':
		if next == '\n' {
			return s.emit(tokNewline, start+2, false)
		}
		fail("carriage return without line feed")
	case '#':
		return s.scanLineComment(start)
	case '/':
		switch next {
		case '/':
			return s.scanLineComment(start)
		case '*':
			return s.scanBlockComment(start)
		}
		return s.emitFlat(tokSlash, start+1)
	case '{':
		s.braces++
		return s.emitFlat(tokOBrace, start+1)
	case '}':
		if n := len(s.retBraces); n > 0 && s.retBraces[n-1] == s.braces {
			s.braces--
			s.retBraces = s.retBraces[:n-1]
			s.popMode()
			return s.emitFlat(tokTemplateSeqEnd, start+1)
		}
		s.braces--
		return s.emitFlat(tokCBrace, start+1)
	case '~':
		if next == '}' {
			if n := len(s.retBraces); n > 0 && s.retBraces[n-1] == s.braces {
				s.braces--
				s.retBraces = s.retBraces[:n-1]
				s.popMode()
				return s.emitFlat(tokTemplateSeqEnd, start+2)
			}
		}
		fail("tilde outside a template sequence end")
	case '.':
		if next == '.' && s.byteAt(start+2) == '.' {
			return s.emitFlat(tokEllipsis, start+3)
		}
		return s.emitFlat(tokDot, start+1)
	case '=':
		switch next {
		case '=':
			return s.emitFlat(tokEqualOp, start+2)
		case '>':
			return s.emitFlat(tokFatArrow, start+2)
		}
		return s.emitFlat(tokEqual, start+1)
	case '!':
		if next == '=' {
			return s.emitFlat(tokNotEqual, start+2)
		}
		return s.emitFlat(tokBang, start+1)
	case '<':
		if next == '<' {
			if t, ok := s.scanHeredocStart(start); ok {
				return t
			}
		}
		if next == '=' {
			return s.emitFlat(tokLessThanEq, start+2)
		}
		return s.emitFlat(tokLessThan, start+1)
	case '>':
		if next == '=' {
			return s.emitFlat(tokGreaterThanEq, start+2)
		}
		return s.emitFlat(tokGreaterThan, start+1)
	case '&':
		if next == '&' {
			return s.emitFlat(tokAnd, start+2)
		}
	case '|':
		if next == '|' {
			return s.emitFlat(tokOr, start+2)
		}
	case ':':
		if next == ':' {
			return s.emitFlat(tokDoubleColon, start+2)
		}
		return s.emitFlat(tokColon, start+1)
	case '"':
		t := s.emitFlat(tokOQuote, start+1)
		s.pushMode(modeQuoted)
		return t
	}
	fail("character hclsyntax rejects or this scanner leaves to it")
	return token{}
}

// numberEnd returns the end of the number literal starting at the digit at
// start. Like hclsyntax, it takes the longest run of digits, dots and
// exponents ("e5", "E+5", "e-5") that does not end with a dot; whether the
// result is a valid number is for the parser to find out.
func (s *scanner) numberEnd(start int) int {
	src := s.src
	i, last := start+1, start+1
	for i < len(src) {
		switch c := src[i]; {
		case isDigit(c):
			i++
			last = i
			continue
		case c == '.':
			i++
			continue
		case c == 'e' || c == 'E':
			j := i + 1
			if j < len(src) && (src[j] == '+' || src[j] == '-') {
				j++
			}
			if j < len(src) && isDigit(src[j]) {
				i = j + 1
				last = i
				continue
			}
		}
		break
	}
	return last
}

// scanLineComment scans a "#" or "//" comment, which runs to the end of its
// line and includes the line feed.
func (s *scanner) scanLineComment(start int) token {
	end := len(s.src)
	if i := bytes.IndexByte(s.src[start:], '\n'); i >= 0 {
		end = start + i + 1
	}
	return s.emit(tokComment, end, hasNonASCII(s.src[start:end]))
}

// scanBlockComment scans a "/* */" comment, declining when it is not closed.
func (s *scanner) scanBlockComment(start int) token {
	i := bytes.Index(s.src[start+2:], []byte("*/"))
	if i < 0 {
		fail("unclosed block comment")
	}
	end := start + 2 + i + 2
	return s.emit(tokComment, end, hasNonASCII(s.src[start:end]))
}

// scanHeredocStart scans a heredoc introducer, "<<" or "<<-" then an
// identifier and a line break, at start. It reports false, scanning nothing,
// when there is none there.
func (s *scanner) scanHeredocStart(start int) (token, bool) {
	src := s.src
	i := start + 2
	if i < len(src) && src[i] == '-' {
		i++
	}
	markerStart := i
	if i >= len(src) || !(isLetter(src[i]) || src[i] == '_') {
		if i < len(src) && src[i] >= 0x80 {
			fail("non-ASCII heredoc marker")
		}
		return token{}, false
	}
	i, nonASCII := s.identEnd(i)
	if nonASCII {
		fail("non-ASCII heredoc marker")
	}
	marker := src[markerStart:i]
	switch {
	case i < len(src) && src[i] == '\n':
		i++
	case i+1 < len(src) && src[i] == '\r' && src[i+1] == '\n':
		i += 2
	default:
		return token{}, false
	}
	t := s.emit(tokOHeredoc, i, false)
	s.heredocs = append(s.heredocs, heredocState{marker: marker, startOfLine: true})
	s.pushMode(modeHeredoc)
	return t, true
}

// hasNonASCII reports whether b holds a byte outside ASCII.
func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}
