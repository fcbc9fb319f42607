package hclnative

import "unicode/utf8"

// literalString returns the value of one literal token of a template, as
// hclsyntax.ParseStringLiteralToken resolves it. quoted says whether the
// token comes from a quoted template, where backslash escapes apply; in both
// kinds "$${" and "%%{" stand for "${" and "%{".
func literalString(raw []byte, quoted bool) string {
	if !needsDecoding(raw, quoted) {
		return string(raw)
	}
	return string(appendLiteral(make([]byte, 0, len(raw)), raw, quoted))
}

// needsDecoding reports whether raw holds anything that decoding changes.
func needsDecoding(raw []byte, quoted bool) bool {
	for _, c := range raw {
		if c == '$' || c == '%' || (quoted && c == '\\') {
			return true
		}
	}
	return false
}

// appendLiteral appends the value of the literal token raw to dst; see
// literalString. It declines on the escapes hclsyntax reports as errors.
func appendLiteral(dst, raw []byte, quoted bool) []byte {
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '$' || c == '%':
			// "$${" is an escaped "${"; "$$" not before "{" stays as it is.
			if i+2 < len(raw) && raw[i+1] == c && raw[i+2] == '{' {
				dst = append(dst, c, '{')
				i += 3
				continue
			}
			dst = append(dst, c)
			i++
		case c == '\\' && quoted:
			var n int
			dst, n = appendEscape(dst, raw[i:])
			i += n
		default:
			j := i + 1
			for j < len(raw) && raw[j] != '$' && raw[j] != '%' && !(quoted && raw[j] == '\\') {
				j++
			}
			dst = append(dst, raw[i:j]...)
			i = j
		}
	}
	return dst
}

// appendEscape appends the value of the backslash escape at the start of raw
// and returns the number of bytes it spans.
func appendEscape(dst, raw []byte) ([]byte, int) {
	if len(raw) < 2 {
		fail("backslash without escape selector")
	}
	switch raw[1] {
	case 'n':
		return append(dst, '\n'), 2
	case 'r':
		return append(dst, '\r'), 2
	case 't':
		return append(dst, '\t'), 2
	case '"':
		return append(dst, '"'), 2
	case '\\':
		return append(dst, '\\'), 2
	case 'u', 'U':
		digits := 4
		if raw[1] == 'U' {
			digits = 8
		}
		// hclsyntax takes up to that many hex digits and rejects fewer.
		n := 0
		var r uint64
		for n < digits && 2+n < len(raw) {
			v, ok := hexValue(raw[2+n])
			if !ok {
				break
			}
			r = r<<4 | uint64(v)
			n++
		}
		if n != digits {
			fail("short unicode escape")
		}
		if r > utf8.MaxRune || utf8.RuneLen(rune(r)) < 0 {
			fail("unicode escape of a character UTF-8 cannot encode")
		}
		return utf8.AppendRune(dst, rune(r)), 2 + digits
	}
	fail("invalid escape sequence")
	return dst, 0
}

// hexValue returns the value of the hexadecimal digit c.
func hexValue(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
