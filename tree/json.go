package tree

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// simpleEscapes maps the letter after a backslash to the byte it stands for.
var simpleEscapes = map[byte]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// maxDepth bounds nesting so a hostile document cannot exhaust the stack; it is the
// limit encoding/json applies, so both accept the same texts.
const maxDepth = 10000

// SyntaxError says why a JSON text is malformed and where.
type SyntaxError struct {
	Msg   string
	Range hcl.Range
}

func (e *SyntaxError) Error() string { return e.Msg }

// ParseJSON decodes src, a complete JSON text, into a Node tree. at maps byte offsets of
// src to source ranges. Malformed input returns a SyntaxError, never a panic.
func ParseJSON(src string, at Locator) (*Node, *SyntaxError) {
	return ParseJSONWithHoles(src, at, "")
}

// ParseJSONWithHoles decodes src as ParseJSON does, where each occurrence of hole (a text
// that cannot otherwise occur in src) stands for a part whose value is not known, such as
// an interpolation of an unknown variable in a template. A hole where a value is expected
// is an unknown value; a string with a hole in it is an unknown value; an object with a
// hole in one of its keys is unknown as a whole, since any key may then be there.
func ParseJSONWithHoles(src string, at Locator, hole string) (*Node, *SyntaxError) {
	p := &parser{src: src, at: at, hole: hole}
	p.skipSpace()
	n := p.value(0)
	if p.err != nil {
		return nil, p.err
	}
	p.skipSpace()
	if p.pos < len(p.src) {
		p.fail(p.pos, "unexpected %s after the JSON value", p.describe(p.pos))
		return nil, p.err
	}
	return n, nil
}

type parser struct {
	src  string
	pos  int
	at   Locator
	err  *SyntaxError
	hole string
}

func (p *parser) fail(off int, format string, args ...any) {
	if p.err == nil {
		end := off + 1
		if end > len(p.src) {
			end = len(p.src)
		}
		p.err = &SyntaxError{Msg: fmt.Sprintf(format, args...), Range: p.at.Range(off, end)}
	}
}

func (p *parser) describe(off int) string {
	if off >= len(p.src) {
		return "end of text"
	}
	r, _ := utf8.DecodeRuneInString(p.src[off:])
	return strconv.QuoteRune(r)
}

func (p *parser) skipSpace() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) value(depth int) *Node {
	if p.pos >= len(p.src) {
		p.fail(p.pos, "unexpected end of text, expected a JSON value")
		return nil
	}
	start := p.pos
	switch c := p.src[p.pos]; {
	case p.hole != "" && strings.HasPrefix(p.src[p.pos:], p.hole):
		for p.hole != "" && strings.HasPrefix(p.src[p.pos:], p.hole) {
			p.pos += len(p.hole)
		}
		return NewUnknown(p.at.Range(start, p.pos))
	case (c == '{' || c == '[') && depth >= maxDepth:
		p.fail(p.pos, "JSON nested too deeply")
		return nil
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		s, ok := p.str()
		if !ok {
			return nil
		}
		if p.hole != "" && strings.Contains(s, p.hole) {
			return NewUnknown(p.at.Range(start, p.pos))
		}
		return &Node{Kind: String, Text: s, Range: p.at.Range(start, p.pos)}
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case strings.HasPrefix(p.src[p.pos:], "true"):
		p.pos += 4
		return &Node{Kind: Bool, Bool: true, Range: p.at.Range(start, p.pos)}
	case strings.HasPrefix(p.src[p.pos:], "false"):
		p.pos += 5
		return &Node{Kind: Bool, Range: p.at.Range(start, p.pos)}
	case strings.HasPrefix(p.src[p.pos:], "null"):
		p.pos += 4
		return &Node{Kind: Null, Range: p.at.Range(start, p.pos)}
	default:
		p.fail(p.pos, "unexpected %s, expected a JSON value", p.describe(p.pos))
		return nil
	}
}

func (p *parser) object(depth int) *Node {
	start := p.pos
	p.pos++ // {
	n := &Node{Kind: Object}
	unknownKey := false
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == '}' {
		p.pos++
		n.Range = p.at.Range(start, p.pos)
		return n
	}
	for {
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] != '"' {
			p.fail(p.pos, "unexpected %s, expected a quoted object key", p.describe(p.pos))
			return nil
		}
		keyStart := p.pos
		key, ok := p.str()
		if !ok {
			return nil
		}
		keyRange := p.at.Range(keyStart, p.pos)
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] != ':' {
			p.fail(p.pos, "unexpected %s, expected ':' after object key", p.describe(p.pos))
			return nil
		}
		p.pos++
		p.skipSpace()
		v := p.value(depth + 1)
		if v == nil {
			return nil
		}
		n.Members = append(n.Members, &Member{Key: key, KeyRange: keyRange, Value: v})
		if p.hole != "" && strings.Contains(key, p.hole) {
			unknownKey = true
		}
		p.skipSpace()
		if p.pos < len(p.src) && p.src[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.src) && p.src[p.pos] == '}' {
			p.pos++
			n.Range = p.at.Range(start, p.pos)
			if unknownKey {
				return NewUnknown(n.Range)
			}
			return n
		}
		p.fail(p.pos, "unexpected %s, expected ',' or '}' in object", p.describe(p.pos))
		return nil
	}
}

func (p *parser) array(depth int) *Node {
	start := p.pos
	p.pos++ // [
	n := &Node{Kind: Array, Items: []*Node{}}
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == ']' {
		p.pos++
		n.Range = p.at.Range(start, p.pos)
		return n
	}
	for {
		p.skipSpace()
		v := p.value(depth + 1)
		if v == nil {
			return nil
		}
		n.Items = append(n.Items, v)
		p.skipSpace()
		if p.pos < len(p.src) && p.src[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.src) && p.src[p.pos] == ']' {
			p.pos++
			n.Range = p.at.Range(start, p.pos)
			return n
		}
		p.fail(p.pos, "unexpected %s, expected ',' or ']' in array", p.describe(p.pos))
		return nil
	}
}

// str reads a quoted string starting at p.pos and returns its decoded value.
func (p *parser) str() (string, bool) {
	p.pos++ // opening quote
	var b strings.Builder
	for {
		if p.pos >= len(p.src) {
			p.fail(p.pos, "unterminated string")
			return "", false
		}
		c := p.src[p.pos]
		switch {
		case c == '"':
			p.pos++
			return b.String(), true
		case c == '\\':
			if !p.escape(&b) {
				return "", false
			}
		case c < 0x20:
			p.fail(p.pos, "control character %s in string", p.describe(p.pos))
			return "", false
		default:
			// Like encoding/json, take invalid UTF-8 as the replacement character.
			r, size := utf8.DecodeRuneInString(p.src[p.pos:])
			b.WriteRune(r)
			p.pos += size
		}
	}
}

func (p *parser) escape(b *strings.Builder) bool {
	if p.pos+1 >= len(p.src) {
		p.fail(p.pos, "unterminated escape in string")
		return false
	}
	c := p.src[p.pos+1]
	if out, ok := simpleEscapes[c]; ok {
		b.WriteByte(out)
		p.pos += 2
		return true
	}
	if c != 'u' {
		p.fail(p.pos, "invalid escape \\%c in string", c)
		return false
	}
	r, ok := p.hex4(p.pos + 2)
	if !ok {
		return false
	}
	p.pos += 6
	if utf16.IsSurrogate(r) {
		// Only a high surrogate (D800-DBFF) starts a pair; a lone low one is
		// replaced on its own, as encoding/json does.
		paired := false
		if r < 0xDC00 {
			var r2 rune
			if r2, paired = p.lowSurrogate(); paired {
				r = utf16.DecodeRune(r, r2)
			}
		}
		if !paired {
			r = utf8.RuneError
		}
	}
	b.WriteRune(r)
	return true
}

// lowSurrogate consumes a following \uXXXX that completes a surrogate pair.
func (p *parser) lowSurrogate() (rune, bool) {
	if !strings.HasPrefix(p.src[p.pos:], `\u`) || p.pos+6 > len(p.src) {
		return 0, false
	}
	r, ok := parseHex4(p.src[p.pos+2 : p.pos+6])
	if !ok || r < 0xDC00 || r > 0xDFFF {
		return 0, false
	}
	p.pos += 6
	return r, true
}

func (p *parser) hex4(off int) (rune, bool) {
	if off+4 > len(p.src) {
		p.fail(p.pos, "incomplete \\u escape in string")
		return 0, false
	}
	r, ok := parseHex4(p.src[off : off+4])
	if !ok {
		p.fail(p.pos, "invalid \\u escape in string")
	}
	return r, ok
}

func parseHex4(s string) (rune, bool) {
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil || strings.ContainsAny(s, "+-_") {
		return 0, false
	}
	return rune(v), true
}

// number reads a JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *parser) number() *Node {
	start := p.pos
	if p.src[p.pos] == '-' {
		p.pos++
	}
	switch {
	case p.pos < len(p.src) && p.src[p.pos] == '0':
		p.pos++
	case p.digits() == 0:
		p.fail(p.pos, "invalid number")
		return nil
	}
	if p.pos < len(p.src) && p.src[p.pos] == '.' {
		p.pos++
		if p.digits() == 0 {
			p.fail(p.pos, "invalid number: expected digits after '.'")
			return nil
		}
	}
	if p.pos < len(p.src) && (p.src[p.pos] == 'e' || p.src[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.src) && (p.src[p.pos] == '+' || p.src[p.pos] == '-') {
			p.pos++
		}
		if p.digits() == 0 {
			p.fail(p.pos, "invalid number: expected digits in exponent")
			return nil
		}
	}
	return &Node{Kind: Number, Text: p.src[start:p.pos], Range: p.at.Range(start, p.pos)}
}

func (p *parser) digits() int {
	n := 0
	for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
		p.pos++
		n++
	}
	return n
}
