package config

import (
	"fmt"
	"path/filepath"

	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
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
		`"[${jsonencode({ name = var.x, privileged = true })}, ${var.y}]"`,
		`"[{\"command\": [\"${jsonencode({ b = var.x })}\"]}]"`,
		"<<EOT\n[${jsonencode({ name = var.x, links = [\"db\"] })}]\nEOT\n",
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

// TestEncodedThroughModules decodes a document one module encodes from its caller's
// arguments (jsonencode of a map without its nulls) and another module reads, wrapped in
// a list or joined with a second one: each setting is placed on the argument that wrote
// it, and what nobody wrote on the reading attribute.
func TestEncodedThroughModules(t *testing.T) {
	files := map[string]string{
		"main.tf": `
module "web" {
  source  = "./item"
  name    = "web"
  flag    = true
  list    = ["db"]
}

module "api" {
  source = "./item"
  name   = "api"
  port   = 8080
}

module "reader" {
  source = "./reader"
  one    = module.web.list
  two    = "[${module.web.json},${module.api.json}]"
  same   = "[${module.web.json},${module.web.json}]"
}
`,
		"item/main.tf": `
variable "name" {}
variable "flag" {
  default = null
}
variable "list" {
  default = null
}
variable "port" {
  default = null
}
locals {
  all  = { name = var.name, flag = var.flag, list = var.list, port = var.port, fixed = 1 }
  json = jsonencode({ for k, v in local.all : k => v if v != null })
}
output "json" {
  value = local.json
}
output "list" {
  value = "[${local.json}]"
}
`,
		"reader/main.tf": `
variable "one" {}
variable "two" {}
variable "same" {}
resource "thing" "one" {
  other = var.one
}
resource "thing" "two" {
  other = var.two
}
resource "thing" "same" {
  other = var.same
}
`,
	}
	c := load(t, files)
	at := func(rng hcl.Range) string {
		text := string(rng.SliceBytes([]byte(files[filepath.ToSlash(rng.Filename)])))
		return filepath.ToSlash(rng.Filename) + ":" + strings.TrimSpace(text)
	}
	places := func(address string) map[string]string {
		r := one(t, c, address)
		n, serr := c.DecodeJSON(r, r.Attr("other"))
		if serr != nil {
			t.Fatalf("%s: %v", address, serr)
		}
		got := map[string]string{}
		for i, item := range n.Items {
			for _, mem := range item.Members {
				got[fmt.Sprintf("%d.%s", i, mem.Key)] = at(mem.Value.Range)
			}
		}
		return got
	}
	want := map[string]map[string]string{
		"module.reader.thing.one": {
			"0.name":  `main.tf:"web"`,
			"0.flag":  "main.tf:true",
			"0.list":  `main.tf:"db"`, // the list spans what it holds
			"0.fixed": "item/main.tf:1",
		},
		"module.reader.thing.two": {
			"0.name": `main.tf:"web"`, "0.flag": "main.tf:true", "0.list": `main.tf:"db"`, "0.fixed": "item/main.tf:1",
			"1.name": `main.tf:"api"`, "1.port": "main.tf:8080", "1.fixed": "item/main.tf:1",
		},
		// The same text twice is not taken apart: only the strings and numbers one
		// literal alone says are placed.
		"module.reader.thing.same": {
			"0.name": `main.tf:"web"`, "0.flag": "reader/main.tf:var.same", "0.list": "reader/main.tf:var.same", "0.fixed": "item/main.tf:1",
			"1.name": `main.tf:"web"`, "1.flag": "reader/main.tf:var.same", "1.list": "reader/main.tf:var.same", "1.fixed": "item/main.tf:1",
		},
	}
	for address, w := range want {
		if diff := cmp.Diff(w, places(address)); diff != "" {
			t.Errorf("%s: where the parts were written (-want +got):\n%s", address, diff)
		}
	}
}
