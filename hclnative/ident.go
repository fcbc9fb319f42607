package hclnative

import (
	"sync"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// identRunes caches, for each non-ASCII rune met in an identifier position,
// whether hclsyntax's scanner lets it start an identifier and whether it lets
// it continue one. Asking hclsyntax itself (through ValidIdentifier) keeps the
// answer tied to the Unicode tables hclsyntax was generated from, which need
// not be Go's.
var identRunes sync.Map // rune -> identRune

// identRune says what a rune may be in an identifier.
type identRune struct {
	start, cont bool
}

// classifyIdentRune returns what r may be in an identifier.
func classifyIdentRune(r rune) identRune {
	if v, ok := identRunes.Load(r); ok {
		return v.(identRune)
	}
	c := identRune{
		start: hclsyntax.ValidIdentifier(string(r)),
		cont:  hclsyntax.ValidIdentifier("a" + string(r)),
	}
	identRunes.Store(r, c)
	return c
}

// identEnd returns the end of the identifier starting at start, whose first
// character the caller has checked, and whether it holds non-ASCII
// characters.
func (s *scanner) identEnd(start int) (int, bool) {
	src := s.src
	i := start + 1
	if src[start] >= 0x80 {
		i = start + s.utf8Len(start)
	}
	nonASCII := i-start > 1
	for i < len(src) {
		c := src[i]
		if c < 0x80 {
			if !isIdentByte(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError || !classifyIdentRune(r).cont {
			break
		}
		nonASCII = true
		i += size
	}
	return i, nonASCII
}

// startsIdent reports whether the non-ASCII character at i may start an
// identifier.
func (s *scanner) startsIdent(i int) bool {
	r, size := utf8.DecodeRune(s.src[i:])
	return !(r == utf8.RuneError && size <= 1) && classifyIdentRune(r).start
}
