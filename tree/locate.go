package tree

import (
	"sort"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// Locator maps a span of bytes in a decoded text to the source range it came from.
type Locator interface {
	Range(start, end int) hcl.Range
}

// Fixed places every span at one range. It serves texts whose exact source is not in the
// module, such as a file read by file(), or a string assembled by an expression.
type Fixed hcl.Range

// Range returns the fixed range.
func (f Fixed) Range(_, _ int) hcl.Range { return hcl.Range(f) }

// Verbatim locates spans of a text that appears in a source file from a start position
// on, byte for byte except for an indentation that was removed from every non-empty line
// after the first (as an indented <<- heredoc removes it). Make one with NewVerbatim.
type Verbatim struct {
	text     string
	filename string
	start    hcl.Pos
	indent   int
	// lines holds where each line of text starts and how it sits in the source.
	lines []line
}

type line struct {
	start int
	ascii bool
	// shift is how many source bytes were removed before this line's start.
	shift int
	// indent is how many were removed from this line itself.
	indent int
}

// NewVerbatim returns a Locator for text written in filename from start on, with indent
// bytes removed from each non-empty line after the first.
func NewVerbatim(text, filename string, start hcl.Pos, indent int) *Verbatim {
	v := &Verbatim{text: text, filename: filename, start: start, indent: indent}
	from, shift := 0, 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			ascii := true
			for j := from; j < i; j++ {
				if text[j] >= utf8.RuneSelf {
					ascii = false
					break
				}
			}
			l := line{start: from, ascii: ascii}
			if len(v.lines) > 0 && i > from {
				l.indent = indent
			}
			shift += l.indent
			l.shift = shift
			v.lines = append(v.lines, l)
			from = i + 1
		}
	}
	return v
}

// Range returns the source range of text[start:end].
func (v *Verbatim) Range(start, end int) hcl.Range {
	return hcl.Range{Filename: v.filename, Start: v.pos(start), End: v.pos(end)}
}

func (v *Verbatim) pos(off int) hcl.Pos {
	off = max(0, min(off, len(v.text)))
	i := sort.Search(len(v.lines), func(i int) bool { return v.lines[i].start > off }) - 1
	l := v.lines[i]
	col := off - l.start
	if !l.ascii {
		col = utf8.RuneCountInString(v.text[l.start:off])
	}
	if i == 0 {
		return hcl.Pos{Line: v.start.Line, Column: v.start.Column + col, Byte: v.start.Byte + off}
	}
	return hcl.Pos{Line: v.start.Line + i, Column: 1 + l.indent + col, Byte: v.start.Byte + off + l.shift}
}
