package hclnative

import (
	"bytes"
	"unicode/utf8"
)

// beginSequence scans a "${" or "%{" opener at start, with its optional "~"
// strip marker, and enters main mode until the matching "}" or "~}".
func (s *scanner) beginSequence(start int) token {
	kind := tokTemplateInterp
	if s.src[start] == '%' {
		kind = tokTemplateControl
	}
	end := start + 2
	if s.byteAt(end) == '~' {
		end++
	}
	t := s.emitFlat(kind, end)
	s.braces++
	s.retBraces = append(s.retBraces, s.braces)
	if n := len(s.heredocs); n > 0 {
		s.heredocs[n-1].startOfLine = false
	}
	s.pushMode(modeMain)
	return t
}

// escapedSequenceEnd returns the end of the "$${" or "%%{" escape at start
// (with an optional "~", which hclsyntax keeps in the same token), or -1 when
// there is none there.
func (s *scanner) escapedSequenceEnd(start int) int {
	c := s.src[start]
	if s.byteAt(start+1) != c || s.byteAt(start+2) != '{' {
		return -1
	}
	end := start + 3
	if s.byteAt(end) == '~' {
		end++
	}
	return end
}

// lineEndLen returns the length of the line break ("\n" or "\r\n") at i, or
// 0 when there is none there.
func (s *scanner) lineEndLen(i int) int {
	switch s.byteAt(i) {
	case '\n':
		return 1
	case '\r':
		if s.byteAt(i+1) == '\n' {
			return 2
		}
	}
	return 0
}

// utf8Len returns the length of the valid UTF-8 character at i, declining on
// invalid encodings (hclsyntax reports those as errors in templates).
func (s *scanner) utf8Len(i int) int {
	r, size := utf8.DecodeRune(s.src[i:])
	if r == utf8.RuneError && size <= 1 {
		fail("invalid UTF-8")
	}
	return size
}

// scanQuoted scans one token inside a quoted template. hclsyntax splits its
// literal text into tokens at every "$" and "%": one of those not starting a
// sequence is a one-byte token of its own, "$${" and "%%{" are one token each,
// and the text between them is one token, backslash escapes included.
func (s *scanner) scanQuoted() token {
	src := s.src
	start := s.pos
	if start >= len(src) {
		fail("unterminated quoted template")
	}
	switch c := src[start]; c {
	case '"':
		t := s.emitFlat(tokCQuote, start+1)
		s.popMode()
		return t
	case '$', '%':
		if s.byteAt(start+1) == '{' {
			return s.beginSequence(start)
		}
		if end := s.escapedSequenceEnd(start); end > 0 {
			return s.emitFlat(tokQuotedLit, end)
		}
		return s.emitFlat(tokQuotedLit, start+1)
	case '\r', '\n':
		fail("line break in quoted template")
	}
	i, nonASCII := start, false
	for i < len(src) {
		c := src[i]
		if c == '"' || c == '$' || c == '%' || c == '\r' || c == '\n' {
			break
		}
		if c == '\\' {
			// A backslash takes the next character with it, whatever it is,
			// except a line break.
			if d := s.byteAt(i + 1); i+1 >= len(src) || d == '\r' || d == '\n' {
				break
			}
			i++
			c = src[i]
		}
		if c < 0x80 {
			i++
			continue
		}
		nonASCII = true
		i += s.utf8Len(i)
	}
	if i == start {
		fail("stray backslash in quoted template")
	}
	return s.emit(tokQuotedLit, i, nonASCII)
}

// scanHeredoc scans one token inside a heredoc template. Literal text is
// split into tokens at line ends (each line's token includes its line break)
// and at "$" and "%"; a line that is the heredoc's marker, alone but for white
// space, and scanned from its start, closes the heredoc.
func (s *scanner) scanHeredoc() token {
	src := s.src
	start := s.pos
	if start >= len(src) {
		fail("unterminated heredoc")
	}
	doc := &s.heredocs[len(s.heredocs)-1]
	if c := src[start]; c == '$' || c == '%' {
		if s.byteAt(start+1) == '{' {
			return s.beginSequence(start)
		}
		if end := s.escapedSequenceEnd(start); end > 0 {
			if eol := s.lineEndLen(end); eol > 0 {
				doc.startOfLine = true
				return s.emit(tokStringLit, end+eol, false)
			}
			doc.startOfLine = false
			return s.emitFlat(tokStringLit, end)
		}
		doc.startOfLine = false
		// hclsyntax keeps the byte after a lone "$" or "%" in its token when
		// a line break follows that byte, and splits it off otherwise; a
		// carriage return without a line feed there leaves its scanner
		// stuck.
		if start+1 < len(src) && src[start+1] < 0x80 {
			if s.lineEndLen(start+2) > 0 {
				return s.emit(tokStringLit, start+2, false)
			}
			if s.byteAt(start+2) == '\r' {
				fail("carriage return without line feed in heredoc")
			}
		}
		return s.emitFlat(tokStringLit, start+1)
	}
	i, nonASCII := start, false
	for i < len(src) {
		c := src[i]
		if c == '$' || c == '%' || c == '\r' || c == '\n' {
			break
		}
		if c < 0x80 {
			i++
			continue
		}
		nonASCII = true
		i += s.utf8Len(i)
	}
	if eol := s.lineEndLen(i); eol > 0 {
		if doc.startOfLine && bytes.Equal(bytes.TrimSpace(src[start:i+eol]), doc.marker) {
			// The closing marker; the line break after it is scanned in main
			// mode as a newline token of its own.
			t := s.emit(tokCHeredoc, i, nonASCII)
			s.heredocs = s.heredocs[:len(s.heredocs)-1]
			s.popMode()
			return t
		}
		doc.startOfLine = true
		return s.emit(tokStringLit, i+eol, nonASCII)
	}
	if i == start {
		fail("unterminated heredoc or stray carriage return")
	}
	doc.startOfLine = false
	return s.emit(tokStringLit, i, nonASCII)
}
