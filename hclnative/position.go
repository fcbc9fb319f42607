package hclnative

import "github.com/apparentlymart/go-textseg/v15/textseg"

// advanceASCII moves the scanner to end over a token made only of ASCII
// bytes, counting lines and columns as hclsyntax does: every byte is a
// column, except that "\n" and "\r\n" end a line.
func (s *scanner) advanceASCII(end int) {
	src := s.src
	for i := s.pos; i < end; i++ {
		switch src[i] {
		case '\n':
			s.line++
			s.col = 1
		case '\r':
			if i+1 < end && src[i+1] == '\n' {
				continue // "\r\n" is one grapheme cluster, counted at its '\n'
			}
			s.col++
		default:
			s.col++
		}
	}
	s.pos = end
}

// advanceGraphemes moves the scanner to end over a token that holds
// non-ASCII bytes: it counts one column per grapheme cluster of the token, and
// a new line for each cluster that is "\n" or "\r\n", exactly as hclsyntax
// counts the bytes of each token it emits.
func (s *scanner) advanceGraphemes(end int) {
	b := s.src[s.pos:end]
	for len(b) > 0 {
		adv, seq, _ := textseg.ScanGraphemeClusters(b, true)
		if adv <= 0 {
			fail("grapheme scanner made no progress")
		}
		if (len(seq) == 1 && seq[0] == '\n') || (len(seq) == 2 && seq[0] == '\r' && seq[1] == '\n') {
			s.line++
			s.col = 1
		} else {
			s.col++
		}
		b = b[adv:]
	}
	s.pos = end
}

// advance moves the scanner to end over one token, choosing the ASCII fast
// path unless nonASCII says the token holds other bytes.
func (s *scanner) advance(end int, nonASCII bool) {
	if nonASCII {
		s.advanceGraphemes(end)
	} else {
		s.advanceASCII(end)
	}
}
