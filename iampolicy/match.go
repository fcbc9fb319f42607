package iampolicy

import "strings"

// tri is a three-valued answer to "does this part cover the request?".
// The order matters: and takes the least, or the greatest.
type tri int

const (
	no tri = iota
	maybe
	yes
)

func and(a, b tri) tri { return min(a, b) }
func or(a, b tri) tri  { return max(a, b) }

// matchAction reports whether an Action pattern covers action. Service prefix
// and action name compare without regard to case; '*' stands for any run of
// characters and '?' for one.
func matchAction(pattern, action string) bool {
	return glob(strings.ToLower(pattern), strings.ToLower(action), false)
}

// matchResource reports whether a Resource pattern covers resource, comparing
// case-sensitively.
//
// IAM documents wildcards as working inside the colon-separated segments of an
// ARN, with a '*' that ends a segment also allowed to run past colons. Rather
// than guess how a '*' in the middle of a segment treats a colon, the pattern
// is matched twice: under the narrow reading (only a segment-final '*' crosses
// colons; '?' never matches one) a match is certain; under the broad reading
// (every wildcard matches anything) a failure is certain; in between is maybe.
//
// A policy variable (${aws:username} and the like) is not substituted here: it
// can only make the pattern match something, so a pattern holding one is at best
// maybe, and no when the pattern with each variable read as '*' cannot match.
func matchResource(pattern, resource string) tri {
	if strings.Contains(pattern, "${") {
		if glob(widenVariables(pattern), resource, false) {
			return maybe
		}
		return no
	}
	if glob(pattern, resource, true) {
		return yes
	}
	if glob(pattern, resource, false) {
		return maybe
	}
	return no
}

// widenVariables replaces each complete ${...} in a resource pattern by '*'.
// An unterminated "${" is left as it is.
func widenVariables(pattern string) string {
	var b strings.Builder
	for {
		i := strings.Index(pattern, "${")
		if i < 0 {
			break
		}
		j := strings.IndexByte(pattern[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(pattern[:i])
		b.WriteByte('*')
		pattern = pattern[i+j+1:]
	}
	b.WriteString(pattern)
	return b.String()
}

// glob matches text against pattern, rune by rune: '*' matches any run of
// runes, '?' one rune, anything else itself. With narrow set, '?' does not
// match ':' and a '*' matches ':' only when it is the last rune of its segment
// (followed by ':' or the end of the pattern).
//
// It runs a dynamic programme over one row, O(len(pattern)*len(text)), so no
// pattern can make it backtrack exponentially.
func glob(pattern, text string, narrow bool) bool {
	type tok struct {
		r     rune
		star  bool
		any   bool
		cross bool // a star that may match ':'
	}
	pr := []rune(pattern)
	toks := make([]tok, 0, len(pr))
	for i, r := range pr {
		switch r {
		case '*':
			if n := len(toks); n > 0 && toks[n-1].star {
				continue // runs of stars match what one star matches
			}
			last := i+1 == len(pr) || pr[i+1] == ':'
			if i+1 < len(pr) && pr[i+1] == '*' {
				// The run ends later; look past it.
				k := i + 1
				for k < len(pr) && pr[k] == '*' {
					k++
				}
				last = k == len(pr) || pr[k] == ':'
			}
			toks = append(toks, tok{star: true, cross: !narrow || last})
		case '?':
			toks = append(toks, tok{any: true})
		default:
			toks = append(toks, tok{r: r})
		}
	}
	tr := []rune(text)
	// row[j]: toks[:j] matches the text read so far.
	row := make([]bool, len(toks)+1)
	row[0] = true
	for j, t := range toks {
		row[j+1] = row[j] && t.star
	}
	for _, c := range tr {
		diag := row[0] // value of row[j-1] before this rune
		row[0] = false
		for j, t := range toks {
			up := row[j+1] // toks[:j+1] matched the text before c
			var v bool
			switch {
			case t.star:
				v = row[j] || (up && (t.cross || c != ':'))
			case t.any:
				v = diag && (!narrow || c != ':')
			default:
				v = diag && c == t.r
			}
			diag = up
			row[j+1] = v
		}
	}
	return row[len(toks)]
}
