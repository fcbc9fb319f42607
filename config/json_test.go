package config

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/fargate-lint/tflint-ruleset-fargate/tffunc"
	"github.com/fargate-lint/tflint-ruleset-fargate/tree"
)

// FuzzDecodeJSON feeds arbitrary Terraform expressions to the JSON document decoder:
// it must never panic, and every range it reports must lie inside the source.
func FuzzDecodeJSON(f *testing.F) {
	for _, s := range []string{
		`jsonencode([{ name = "a", portMappings = [{ containerPort = 80, hostPort = 8080 }] }])`,
		"<<EOT\n[{\"name\": \"a\"}]\nEOT\n",
		"<<-EOT\n    [\n      {\"name\": \"${local.n}\"}\n    ]\n  EOT\n",
		`"[{\"name\": \"a\"}]"`,
		`jsonencode(local.c)`,
		`jsonencode([for k, v in local.c : { name = k, x = v }])`,
		`file("nope.json")`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		src := "x = " + expr + "\n"
		file, diags := hclsyntax.ParseConfig([]byte(src), "main.tf", hcl.InitialPos)
		if diags.HasErrors() {
			return
		}
		attrs, diags := file.Body.JustAttributes()
		if diags.HasErrors() || attrs["x"] == nil {
			return
		}
		m := newConfig(Schema{})
		locals := map[string]hcl.Expression{}
		if e, diags := hclsyntax.ParseExpression([]byte(`[{ name = "a", portMappings = [] }]`), "locals.tf", hcl.InitialPos); !diags.HasErrors() {
			locals["c"] = e
		}
		m.rootDir, m.functions = ".", tffunc.Functions(tffunc.Options{BaseDir: "."})
		m.root = m.newModule(&moduleDef{dir: ".", locals: locals}, nil, "", "", nil)
		n, serr := m.decodeJSON(&Resource{mod: m.root}, attrs["x"].Expr, attrs["x"].Expr.Range(), 0)
		if serr != nil {
			checkRange(t, src, serr.Range)
			return
		}
		walk(n, func(r hcl.Range) { checkRange(t, src, r) })
	})
}

func checkRange(t *testing.T, src string, r hcl.Range) {
	t.Helper()
	if r.Filename == "locals.tf" {
		return
	}
	if r.Start.Byte < 0 || r.End.Byte > len(src) || r.Start.Byte > r.End.Byte {
		t.Fatalf("range %s (bytes %d-%d) outside the %d-byte source %q", r, r.Start.Byte, r.End.Byte, len(src), src)
	}
	lines := strings.Count(src[:r.Start.Byte], "\n") + 1
	if r.Start.Line != lines {
		t.Fatalf("range %s starts on line %d, but byte %d is on line %d of %q", r, r.Start.Line, r.Start.Byte, lines, src)
	}
}

func walk(n *tree.Node, fn func(hcl.Range)) {
	if n == nil {
		return
	}
	fn(n.Range)
	for _, it := range n.Items {
		walk(it, fn)
	}
	for _, m := range n.Members {
		fn(m.KeyRange)
		walk(m.Value, fn)
	}
}
