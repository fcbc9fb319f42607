package hclnative

import (
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"
)

// generator writes random HCL files that are mostly valid and use every
// construct of the native syntax, with random layout, to test the parsers'
// agreement far beyond what mutation-based fuzzing reaches.
type generator struct {
	rnd *rand.Rand
	b   strings.Builder
}

// pick returns one of the choices at random.
func (g *generator) pick(choices ...string) string {
	return choices[g.rnd.Intn(len(choices))]
}

// chance reports true with probability 1/n.
func (g *generator) chance(n int) bool {
	return g.rnd.Intn(n) == 0
}

// space writes optional spaces or tabs.
func (g *generator) space() {
	g.b.WriteString(g.pick("", "", " ", " ", "  ", "\t"))
}

// gap writes optional white space, newlines and comments where newlines do
// not count (inside brackets and parentheses).
func (g *generator) gap() {
	g.space()
	switch g.rnd.Intn(8) {
	case 0:
		g.b.WriteString("\n")
	case 1:
		g.b.WriteString("# c\n")
	case 2:
		g.b.WriteString("/* c */")
	case 3:
		g.b.WriteString("// é\n")
	}
	g.space()
}

// lineEnd writes the end of a body item: a newline, maybe after a comment.
func (g *generator) lineEnd() {
	g.space()
	g.b.WriteString(g.pick("\n", "\n", "\n", " # comment\n", " // x\n", " /* y */\n", "\n\n"))
}

// ident returns a random identifier, keywords and non-ASCII ones included.
func (g *generator) ident() string {
	return g.pick("a", "b", "foo", "bar_baz", "x-y", "_u", "count", "each", "for", "in", "if", "var", "local", "endif", "EOT", "π", "naïve", "e\u0301x", "true", "null")
}

// body writes random attributes and blocks.
func (g *generator) body(depth int) {
	for n := g.rnd.Intn(4); n > 0; n-- {
		g.space()
		switch {
		case g.chance(4) && depth < 3:
			g.b.WriteString(g.ident())
			for l := g.rnd.Intn(3); l > 0; l-- {
				g.b.WriteString(g.pick(" ", " ", " /* c */ ", "\t"))
				if g.chance(2) {
					g.b.WriteString(g.ident())
				} else {
					g.quoted(false, 0)
				}
			}
			g.b.WriteString(" {")
			if g.chance(4) {
				g.b.WriteString(" " + g.ident() + " = ")
				g.expr(depth + 1)
				g.b.WriteString(" }")
			} else {
				g.lineEnd()
				g.body(depth + 1)
				g.space()
				g.b.WriteString("}")
			}
			g.lineEnd()
		case g.chance(8):
			g.lineEnd()
		default:
			g.b.WriteString(g.ident())
			g.space()
			g.b.WriteString("=")
			g.space()
			g.expr(depth)
			g.lineEnd()
		}
	}
}

// expr writes a random expression; depth bounds the nesting.
func (g *generator) expr(depth int) {
	if depth > 4 {
		g.b.WriteString(g.pick("1", "a", "\"s\"", "true"))
		return
	}
	switch g.rnd.Intn(16) {
	case 0:
		g.b.WriteString(g.pick("0", "1", "42", "1.5", "1e3", "0.001", "12345678901234567890", "1E-2", "007", "3.14159265358979323846264338327950288"))
	case 1:
		g.b.WriteString(g.pick("true", "false", "null"))
	case 2, 3:
		g.b.WriteString(g.ident())
		g.traversal(depth)
	case 4:
		g.b.WriteString(g.pick("f", "jsonencode", "provider::aws::arn", "core::max", "lookup"))
		g.b.WriteString("(")
		for n := g.rnd.Intn(4); n > 0; n-- {
			g.gap()
			g.expr(depth + 1)
			g.gap()
			if n > 1 {
				g.b.WriteString(",")
			} else {
				g.b.WriteString(g.pick("", ",", "..."))
			}
		}
		g.gap()
		g.b.WriteString(")")
		g.traversal(depth)
	case 5:
		g.b.WriteString("[")
		for n := g.rnd.Intn(4); n > 0; n-- {
			g.gap()
			g.expr(depth + 1)
			g.gap()
			if n > 1 || g.chance(2) {
				g.b.WriteString(",")
			}
		}
		g.gap()
		g.b.WriteString("]")
		g.traversal(depth)
	case 6:
		g.object(depth)
	case 7:
		g.forExpr(depth)
	case 8:
		g.b.WriteString(g.pick("-", "!"))
		g.space()
		g.expr(depth + 1)
	case 9:
		g.expr(depth + 1)
		g.space()
		g.b.WriteString(g.pick("+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||"))
		g.space()
		g.expr(depth + 1)
	case 10:
		g.expr(depth + 1)
		g.space()
		g.b.WriteString("?")
		g.space()
		g.expr(depth + 1)
		g.space()
		g.b.WriteString(":")
		g.space()
		g.expr(depth + 1)
	case 11:
		g.b.WriteString("(")
		g.gap()
		g.expr(depth + 1)
		g.gap()
		g.b.WriteString(")")
		g.traversal(depth)
	case 12, 13:
		g.quoted(true, depth)
		if g.chance(4) {
			g.traversal(depth)
		}
	default:
		g.heredoc(depth)
	}
}

// traversal writes random traversal steps and splats.
func (g *generator) traversal(depth int) {
	for n := g.rnd.Intn(4); n > 0; n-- {
		switch g.rnd.Intn(9) {
		case 0, 1:
			g.b.WriteString("." + g.ident())
		case 2:
			g.b.WriteString(g.pick(".0", ".12", "[0]", "[-1]", "[\"k\"]", "[true]", "[null]", "[1.5]"))
		case 3:
			g.b.WriteString("[")
			g.gap()
			g.expr(depth + 1)
			g.gap()
			g.b.WriteString("]")
		case 4:
			g.b.WriteString(g.pick(".*", "[*]", ".*.a", ".*.0"))
		default:
			return
		}
	}
}

// object writes a random object constructor.
func (g *generator) object(depth int) {
	g.b.WriteString("{")
	for n := g.rnd.Intn(4); n > 0; n-- {
		g.b.WriteString(g.pick("", " ", "\n", "\n  "))
		switch g.rnd.Intn(5) {
		case 0:
			g.quoted(g.chance(2), depth+1)
		case 1:
			g.b.WriteString("(")
			g.expr(depth + 1)
			g.b.WriteString(")")
		case 2:
			g.expr(depth + 1)
		default:
			g.b.WriteString(g.ident())
		}
		g.space()
		g.b.WriteString(g.pick("=", ":"))
		g.space()
		g.expr(depth + 1)
		g.b.WriteString(g.pick(",", "\n", " ,", ", ", " # c\n", "\n"))
	}
	g.b.WriteString(g.pick("", " ", "\n"))
	g.b.WriteString("}")
	g.traversal(depth)
}

// forExpr writes a random for expression, tuple or object.
func (g *generator) forExpr(depth int) {
	obj := g.chance(2)
	if obj {
		g.b.WriteString("{")
	} else {
		g.b.WriteString("[")
	}
	g.gap()
	g.b.WriteString("for ")
	if g.chance(2) {
		g.b.WriteString(g.ident() + ", ")
	}
	g.b.WriteString(g.ident() + " in ")
	g.expr(depth + 1)
	g.gap()
	g.b.WriteString(":")
	g.gap()
	if obj {
		g.expr(depth + 1)
		g.b.WriteString(" => ")
	}
	g.expr(depth + 1)
	if obj && g.chance(3) {
		g.b.WriteString("...")
	}
	if g.chance(2) {
		g.b.WriteString(" if ")
		g.expr(depth + 1)
	}
	g.gap()
	if obj {
		g.b.WriteString("}")
	} else {
		g.b.WriteString("]")
	}
}

// literalText returns random literal template text; quoted says whether it
// goes in a quoted template (where backslash escapes apply).
func (g *generator) literalText(quoted bool) string {
	var parts []string
	for n := g.rnd.Intn(4); n > 0; n-- {
		p := g.pick("x", " ", "  ", "abc", "é", "😀", "e\u0301", "$", "%", "$$", "%%", "$${", "%%{", "$${~", "\t", "\u00a0", "$x", "%y", "}", "{", "~")
		if quoted && g.chance(4) {
			p = g.pick("\\n", "\\\"", "\\\\", "\\t", "\\r", "\\u00e9", "\\U0001F600", "\\q")
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "")
}

// sequence writes an interpolation or a directive inside a template.
func (g *generator) sequence(depth int, quoted bool) {
	open, close := g.pick("${", "${~"), g.pick("}", "~}")
	switch g.rnd.Intn(4) {
	case 0:
		g.b.WriteString(strings.Replace(open, "$", "%", 1) + g.pick(" if ", "if ") + g.ident() + " " + strings.Replace(close, "$", "%", 1))
		g.templateBody(depth+1, quoted)
		if g.chance(2) {
			g.b.WriteString(g.pick("%{else}", "%{~ else ~}", "%{ else}"))
			g.templateBody(depth+1, quoted)
		}
		g.b.WriteString(g.pick("%{endif}", "%{~ endif ~}", "%{ endif}"))
	case 1:
		g.b.WriteString(strings.Replace(open, "$", "%", 1) + " for " + g.pick("", "k, ") + "v in " + g.ident() + " " + close)
		g.templateBody(depth+1, quoted)
		g.b.WriteString(g.pick("%{endfor}", "%{~ endfor ~}"))
	default:
		g.b.WriteString(open)
		g.space()
		g.expr(depth + 1)
		g.space()
		g.b.WriteString(close)
	}
}

// templateBody writes the parts of a quoted template (on one line) or a
// heredoc (several lines).
func (g *generator) templateBody(depth int, quoted bool) {
	for n := g.rnd.Intn(4); n > 0; n-- {
		if g.chance(3) && depth < 4 {
			g.sequence(depth, quoted)
			continue
		}
		g.b.WriteString(g.literalText(quoted))
		if !quoted && g.chance(2) {
			g.b.WriteString(g.pick("\n", "\n  ", "\n    ", "\n\n", "\r\n", "\n\t"))
		}
	}
}

// quoted writes a quoted template; without interp, a plain string literal.
func (g *generator) quoted(interp bool, depth int) {
	g.b.WriteString("\"")
	if interp {
		g.templateBody(depth, true)
	} else {
		g.b.WriteString(g.literalText(true))
	}
	g.b.WriteString("\"")
}

// heredoc writes a random heredoc, flush or not.
func (g *generator) heredoc(depth int) {
	marker := g.pick("EOT", "END", "EOT-1")
	g.b.WriteString("<<" + g.pick("", "-") + marker + "\n")
	for n := g.rnd.Intn(4); n > 0; n-- {
		g.b.WriteString(g.pick("", "  ", "    ", "\t"))
		g.templateBody(depth+1, false)
		g.b.WriteString("\n")
	}
	g.b.WriteString(g.pick("", "  ", " ") + marker + g.pick("", " ") + "\n")
}

// generate returns a random file.
func generate(rnd *rand.Rand) []byte {
	g := &generator{rnd: rnd}
	g.body(0)
	src := g.b.String()
	if g.chance(16) {
		src = "\xef\xbb\xbf" + src
	}
	if g.chance(8) {
		src = strings.ReplaceAll(src, "\n", "\r\n")
	}
	if g.chance(8) {
		src = strings.TrimRight(src, "\n")
	}
	return []byte(src)
}

// TestGeneratedFiles checks the parsers' agreement on random files; the
// number of files and the seed can be raised for longer runs with
// HCLNATIVE_GEN_FILES and HCLNATIVE_GEN_SEED.
func TestGeneratedFiles(t *testing.T) {
	n := envInt("HCLNATIVE_GEN_FILES", 5000)
	if testing.Short() {
		n = 2000
	}
	rnd := rand.New(rand.NewSource(int64(envInt("HCLNATIVE_GEN_SEED", 1))))
	var stats corpusStats
	for i := 0; i < n && !t.Failed(); i++ {
		src := generate(rnd)
		stats.check(t, "generated file", src)
	}
	stats.report(t, "generated files")
}

// envInt returns the integer value of the environment variable name, or def.
func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}
