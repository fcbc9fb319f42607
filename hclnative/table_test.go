package hclnative

import (
	"strings"
	"testing"
)

// parseCase is one snippet of the table test. accept says whether Parse must
// accept it; every accepted snippet must also parse identically to hclsyntax,
// and a snippet with accept false may be declined or accepted, but only
// identically.
type parseCase struct {
	name   string
	src    string
	accept bool
}

// parseCases covers each construct of the native syntax and the edge cases of
// ranges, literals and layout.
var parseCases = []parseCase{
	// Files and bodies.
	{"empty", "", true},
	{"only newline", "\n", true},
	{"only spaces", "   ", true},
	{"only comment", "# hello\n", true},
	{"comment no newline", "# hello", true},
	{"slash comment", "// hello\na = 1\n", true},
	{"block comment", "/* a\nb */\na = 1\n", true},
	{"block comment before attr", "/* x */ a = 1\n", true},
	{"comment at end", "a = 1\n# end", true},
	{"comment after attr", "a = 1 # trailing\nb = 2 // more\n", true},
	{"comment after attr at eof", "a = 1 # trailing", true},
	{"no final newline", "a = 1", true},
	{"crlf", "a = 1\r\nb {\r\n  c = \"x\"\r\n}\r\n", true},
	{"crlf comment", "# c\r\na = 1\r\n", true},
	{"leading blank lines", "\n\n  a = 1\n", true},
	{"bom", "\xef\xbb\xbfa = 1\n", true},
	{"bom comment", "\xef\xbb\xbf# c\nb {\n}\n", true},
	{"comment with bad utf8", "# \xff\xfe\na = 1\n", true},
	{"comment with combining mark", "# e\u0301e\u0301\na = \"x\" # \u00e9\u0301\n", true},
	{"nul in comment", "# \x00\na = 1\n", true},
	{"control in string", "a = \"\x01\x7f\"\n", true},
	{"bad utf8 in string", "a = \"\xff\"\n", false},
	{"form feed", "a = 1\x0c\n", false},
	{"lone carriage return", "a = 1\r", false},
	{"tabs", "a\t=\t1\n", true},
	{"attribute", "a = b\n", true},
	{"two attributes", "a = 1\nb = 2\n", true},
	{"duplicate attribute", "a = 1\na = 2\n", false},
	{"block", "b {\n}\n", true},
	{"block empty one line", "b {}\n", true},
	{"block labels", "resource \"aws_x\" \"y\" {\n  a = 1\n}\n", true},
	{"block bare labels", "resource aws_x y {\n}\n", true},
	{"block label escapes", "b \"a\\\"b\\u00e9\" {\n}\n", true},
	{"block label interp", "b \"${a}\" {\n}\n", false},
	{"block label dollars", "b \"a$\" \"$${x}%\" \"\" {\n}\n", true},
	{"block nested", "a {\n  b {\n    c = 1\n  }\n  d = 2\n}\n", true},
	{"one line block", "a { b = 1 }\n", true},
	{"one line block comma", "a { b = 1, c = 2 }\n", false},
	{"one line block nested", "a { b {} }\n", false},
	{"block at eof", "a {\n}", true},
	{"block missing newline", "a {} b {}\n", false},
	{"unclosed block", "a {\n", false},
	{"stray brace", "}\n", false},
	{"missing equals", "a 1\n", false},
	{"attribute then comma", "a = 1,\n", false},
	{"quoted attribute name", "\"a\" = 1\n", false},
	{"block with equals", "a = {\n}\n", true},

	// Literals.
	{"numbers", "a = 1\nb = 0.5\nc = 1e3\nd = 1.5E-2\ne = 007\nf = 12345678901234567890123\n", true},
	{"negative number", "a = -1\n", true},
	{"bad number", "a = 1.2.3\n", false},
	{"number dot", "a = 1.e5\n", false},
	{"number then ident", "a = 1x\n", false},
	{"bools null", "a = true\nb = false\nc = null\n", true},
	{"string", "a = \"hello\"\n", true},
	{"empty string", "a = \"\"\n", true},
	{"escapes", "a = \"\\n\\r\\t\\\"\\\\ \\u00e9 \\U0001F600\"\n", true},
	{"bad escape", "a = \"\\q\"\n", false},
	{"short unicode escape", "a = \"\\u12\"\n", false},
	{"surrogate escape", "a = \"\\ud800\"\n", false},
	{"dollar escapes", "a = \"$${a} %%{b} $$ %% $ % $a %a\"\n", true},
	{"dollar escape tilde", "a = \"$${~a}\"\n", true},
	{"dollar at end", "a = \"x$\"\n", true},
	{"non ascii string", "a = \"héllo wörld 😀\"\n", true},
	{"combining mark", "a = \"e\u0301\"\nb = 1\n", true},
	{"non ascii comment", "# héllo\na = 1 # ça\n", true},
	{"non ascii ident", "é = 1\n", true},
	{"non ascii idents", "π = 3.14\nb = résumé.naïve[0]\nc \"ü\" ß {\n}\n", true},
	{"ident combining mark", "e\u0301 = 1\nx = e\u0301\n", true},
	{"ident continue only", "a = b \u00b7 c\n", false},
	{"curly quotes", "a = \u201cb\u201d\n", false},
	{"nfc string", "a = \"e\u0301x\"\n", true},
	{"newline in string", "a = \"x\ny\"\n", false},
	{"unterminated string", "a = \"x", false},

	// Templates.
	{"interpolation", "a = \"x${b}y\"\n", true},
	{"interpolation only", "a = \"${b}\"\n", true},
	{"interpolation strip", "a = \"x ${~ b ~} y\"\n", true},
	{"interpolation strip both", "a = \"  ${~b}  ${c~}  \"\n", true},
	{"interpolation newline", "a = \"${\nb\n}\"\n", true},
	{"interpolation nested string", "a = \"${\"in${c}\"}\"\n", true},
	{"interpolation object", "a = \"${ {a = 1}.a }\"\n", true},
	{"if directive", "a = \"%{ if b }yes%{ else }no%{ endif }\"\n", true},
	{"if directive no else", "a = \"%{ if b }yes%{ endif }\"\n", true},
	{"if directive empty", "a = \"%{ if b }%{ endif }\"\n", true},
	{"for directive", "a = \"%{ for k, v in m }${k}=${v} %{ endfor }\"\n", true},
	{"for directive empty", "a = \"%{ for v in m }%{ endfor }\"\n", true},
	{"directive strip", "a = <<EOT\n  %{~ for v in m ~}\n  ${v}\n  %{~ endfor ~}\nEOT\n", true},
	{"unbalanced directive", "a = \"%{ if b }\"\n", false},
	{"bad directive", "a = \"%{ wat }\"\n", false},
	{"heredoc", "a = <<EOT\nhello\n  world\nEOT\n", true},
	{"heredoc empty", "a = <<EOT\nEOT\n", true},
	{"heredoc flush", "a = <<-EOT\n    hello\n      world\n\n    x\n    EOT\n", true},
	{"heredoc flush interp", "a = <<-EOT\n    ${a} b\n      c ${d}\n    EOT\n", true},
	{"heredoc interp", "a = <<EOT\nx ${b} y\n$${c} $d %e\nEOT\n", true},
	{"heredoc crlf", "a = <<EOT\r\nx\r\n  y\r\nEOT\r\n", true},
	{"heredoc indented marker", "a = <<EOT\nx\n   EOT   \n", true},
	{"heredoc dollar line", "a = <<EOT\n$\n$$\n$x\n%\nEOT\n", true},
	{"heredoc marker after interp", "a = <<EOT\n${a}EOT\nEOT\n", true},
	{"heredoc nested", "a = <<EOT\n${<<EOU\ninner\nEOU\n}\nEOT\n", true},
	{"heredoc no final newline", "a = <<EOT\nx\nEOT", false},
	{"heredoc in object", "a = {\n  b = <<EOT\nx\nEOT\n  c = 1\n}\n", true},
	{"heredoc in call", "a = f(<<EOT\nx\nEOT\n, 1)\n", true},
	{"heredoc non ascii", "a = <<EOT\n  é ${x}\n  😀\nEOT\n", true},
	{"heredoc flush non ascii", "a = <<-EOT\n  é\n   ü\n  EOT\n", true},
	{"heredoc strip", "a = <<EOT\nx   ${~ y ~}   \n  z\nEOT\n", true},
	{"heredoc strip only next token", "a = <<EOT\n${x ~}\n   y\n   ${~ z}\nEOT\n", true},
	{"heredoc in quoted interp", "a = \"${<<EOT\nx\nEOT\n}\"\n", true},
	{"heredoc dollar before cr lf", "a = <<EOT\r\n$\r\n$a\r\nEOT\r\n", true},
	{"heredoc dollar before lone cr", "a = <<EOT\n$$\r\r\nEOT\n", false}, // found by the generator
	{"heredoc lone cr", "a = <<EOT\nx\ry\nEOT\n", false},
	{"heredoc escaped sequence at line end", "a = <<EOT\n$${\n%%{~\nEOT\n", true},
	{"heredoc marker with dash", "a = <<EOT-1\nx\nEOT-1\n", true},
	{"heredoc marker not alone", "a = <<EOT\nEOT x\nEOT\n", true},
	{"heredoc flush blank lines", "a = <<-EOT\n\n   a\n \n  b\n  EOT\n", true},
	{"heredoc flush tabs", "a = <<-EOT\n\t\ta\n\tb\n\tEOT\n", true},
	{"heredoc flush directive", "a = <<-EOT\n  %{ if x }\n    y\n  %{ endif }\n  EOT\n", true},
	{"heredoc introducer with space", "a = <<EOT \nx\nEOT\n", false},

	// Collections.
	{"tuple", "a = [1, 2, 3]\n", true},
	{"tuple empty", "a = []\n", true},
	{"tuple trailing comma", "a = [\n  1,\n  2,\n]\n", true},
	{"tuple missing comma", "a = [1 2]\n", false},
	{"object", "a = {\n  b = 1\n  c = 2\n}\n", true},
	{"object empty", "a = {}\n", true},
	{"object commas", "a = { b = 1, c = 2, }\n", true},
	{"object colon", "a = { b: 1, \"c\": 2 }\n", true},
	{"object keys", "a = {\n  \"q\" = 1\n  (k) = 2\n  a.b = 3\n  \"${x}\" = 4\n  5 = 5\n}\n", true},
	{"object comments", "a = {\n  # c\n  b = 1 # d\n  // e\n  c = 2 /* f */\n}\n", true},
	{"object missing value", "a = { b }\n", false},
	{"for tuple", "a = [for x in xs : x]\n", true},
	{"for tuple if", "a = [for i, x in xs : x if i > 0]\n", true},
	{"for object", "a = {for k, v in m : k => v}\n", true},
	{"for object group", "a = {for k, v in m : v => k...}\n", true},
	{"for object group if", "a = {\n  for k, v in m :\n  v => k... if v != null\n}\n", true},
	{"for tuple with key", "a = [for k, v in m : k => v]\n", false},
	{"for object without key", "a = {for v in m : v}\n", false},

	// Functions.
	{"call", "a = f()\n", true},
	{"call args", "a = f(1, \"x\", b)\n", true},
	{"call trailing comma", "a = f(\n  1,\n  2,\n)\n", true},
	{"call expand", "a = f(xs...)\n", true},
	{"call expand not last", "a = f(xs..., 1)\n", false},
	{"call provider", "a = provider::aws::arn_parse(x)\n", true},
	{"call double colon", "a = core::max(1)\n", true},
	{"call newline before paren", "a = (f\n(1))\n", true},

	// Traversals.
	{"traversal", "a = b.c.d\n", true},
	{"index literal", "a = b[0][\"k\"].c\n", true},
	{"index expr", "a = b[c].d[e + 1]\n", true},
	{"index negative", "a = b[-1]\n", true},
	{"index bool null", "a = b[true][null]\n", true},
	{"index template", "a = b[\"${c}\"]\n", true},
	{"legacy index", "a = b.0.c.12\n", true},
	{"legacy index chained", "a = b.0.1\n", false},
	{"attr splat", "a = b.*.c.0.d\n", true},
	{"attr splat bare", "a = b.*\n", true},
	{"attr splat index after", "a = b.*.c[0]\n", true},
	{"full splat", "a = b[*].c[0].d\n", true},
	{"full splat bare", "a = b[*]\n", true},
	{"full splat nested", "a = b[*].c[*].d\n", true},
	{"splat of call", "a = f()[*].x\n", true},
	{"paren traversal", "a = (b).c[0]\n", true},
	{"call traversal", "a = f(x).y[\"z\"]\n", true},
	{"tuple traversal", "a = [1, 2][0]\n", true},
	{"template traversal", "a = \"x\".y\n", true},
	{"index newline", "a = b[\n  0\n]\n", true},
	{"dot newline", "a = b.\nc\n", false},
	{"dot newline in parens", "a = (b.\nc)\n", true},

	// Operators.
	{"arithmetic", "a = 1 + 2 * 3 - 4 / 5 % 6\n", true},
	{"comparison", "a = b < c && d >= e || f == g && h != i\n", true},
	{"unary", "a = !b\nc = -d.e\ne = -1 + 2\nf = !!g\n", true},
	{"left assoc", "a = 1 - 2 - 3\nb = x == y == z\n", true},
	{"conditional", "a = b ? c : d\n", true},
	{"conditional nested", "a = b ? c ? d : e : f ? g : h\n", true},
	{"conditional newlines", "a = (\n  b\n  ? c\n  : d\n)\n", true},
	{"parens", "a = (1 + 2) * 3\n", true},
	{"missing operand", "a = 1 +\n", false},
	{"bitwise", "a = b & c\n", false},
	{"semicolon", "a = 1;\n", false},
	{"power", "a = 2 ** 3\n", false},
	{"question no colon", "a = b ? c\n", false},
	{"newline inside op in parens", "a = (1 +\n 2)\n", true},
	{"deep parentheses", "a = " + strings.Repeat("(", 3000) + "1" + strings.Repeat(")", 3000) + "\n", false},
	{"deep unary", "a = " + strings.Repeat("!", 3000) + "b\n", false},
	{"deep splat", "a = b" + strings.Repeat("[*]", 3000) + "\n", false},
	{"deep blocks", strings.Repeat("a {\n", 3000) + strings.Repeat("}\n", 3000), false},
	{"nested within limit", "a = " + strings.Repeat("[", 500) + strings.Repeat("]", 500) + "\n", true},
}

// TestTable checks each snippet of the table: accepted where it must be, and
// identical to hclsyntax wherever accepted.
func TestTable(t *testing.T) {
	for _, c := range parseCases {
		t.Run(c.name, func(t *testing.T) {
			accepted := checkIdentical(t, []byte(c.src))
			if c.accept && !accepted {
				_, reason := parseBody([]byte(c.src), "test.tf")
				t.Errorf("declined %q: %s", c.src, reason)
			}
		})
	}
}

// tableSources returns the snippets of the table test, for seeding the
// scanner test and the fuzz targets.
func tableSources() []string {
	var out []string
	for _, c := range parseCases {
		out = append(out, c.src)
	}
	return out
}
