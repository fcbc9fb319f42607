package config

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestMissingAtEntry places settings a module instance of a for_each over the caller's
// map lacks, or reads from it: on the caller's entry, or on the key the entry writes.
func TestMissingAtEntry(t *testing.T) {
	files := map[string]string{
		"main.tf": `
locals {
  port = 8080
}

module "platform" {
  source = "./platform"
  services = {
    web = {
      port  = local.port
      other = "x"
    }
    api = { port = 9090 }
    ops = { port = local.port }
  }
  typed = {
    web = { name = "web" }
  }
}
`,
		"platform/main.tf": `
variable "services" {}
variable "typed" {
  type = map(object({
    name = string
    size = optional(number)
  }))
}

module "svc" {
  source   = "../svc"
  for_each = { for k, v in var.services : k => v if v != null }
  port     = each.value.port
  size     = lookup(each.value, "size", null)
  other    = try(each.value.other, null)
}

module "typed" {
  source   = "../svc"
  for_each = var.typed
  port     = 80
  size     = try(each.value.size, null)
  other    = null
}

locals {
  own = { a = { port = 80 } }
}

module "own" {
  source   = "../svc"
  for_each = local.own
  port     = each.value.port
  size     = lookup(each.value, "size", null)
  other    = null
}
`,
		"svc/main.tf": `
variable "port" {}
variable "size" {}
variable "other" {}
resource "thing" "t" {
  port  = var.port
  size  = var.size
  other = var.other
}
`,
	}
	c := load(t, files)
	at := func(rng hcl.Range) string {
		text := string(rng.SliceBytes([]byte(files[filepath.ToSlash(rng.Filename)])))
		return filepath.ToSlash(rng.Filename) + ":" + strings.Join(strings.Fields(text), " ")
	}
	missing := func(address, name string) string {
		return at(c.MissingAt(one(t, c, address), name))
	}
	got := map[string]string{
		// The entry lacks size: where it is added. Its port comes from a local,
		// written elsewhere in the file, which does not lead astray.
		"web size": missing(`module.platform.module.svc["web"].thing.t`, "size"),
		"api size": missing(`module.platform.module.svc["api"].thing.t`, "size"),
		"ops size": missing(`module.platform.module.svc["ops"].thing.t`, "size"),
		// The entry writes the key the argument reads: that value.
		"web other": missing(`module.platform.module.svc["web"].thing.t`, "other"),
		// A map of a type with optional attributes: the entry as written.
		"typed size": missing(`module.platform.module.typed["web"].thing.t`, "size"),
		// The module's own map: its argument, as before.
		"own size": missing(`module.platform.module.own["a"].thing.t`, "size"),
	}
	want := map[string]string{
		"web size":   "main.tf:{ port = local.port other = \"x\" }",
		"api size":   "main.tf:{ port = 9090 }",
		"ops size":   "main.tf:{ port = local.port }",
		"web other":  `main.tf:"x"`,
		"typed size": `main.tf:{ name = "web" }`,
		"own size":   `platform/main.tf:lookup(each.value, "size", null)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("where the setting is decided (-want +got):\n%s", diff)
	}
}

func TestEntryKeys(t *testing.T) {
	for src, want := range map[string][]string{
		`each.value.a`:                         {"a"},
		`each.value["a"]`:                      {"a"},
		`try(each.value.a, true)`:              {"a"},
		`lookup(each.value, "a", null)`:        {"a"},
		`coalesce(each.value.a, each.value.b)`: {"a", "b"},
		`each.value`:                           {""},
		`each.value[local.k]`:                  {""},
		`lookup(each.value, local.k, null)`:    {""},
		`merge(each.value, { a = 1 })`:         {""},
		`"${each.key}-${each.value.name}"`:     {"name"},
		`var.a`:                                nil,
		`each.key`:                             nil,
	} {
		expr, diags := hclsyntaxParse(src)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", src, diags)
		}
		keys, reads := entryKeys(expr)
		if reads != (want != nil) || !cmp.Equal(keys, want) {
			t.Errorf("entryKeys(%s) = %q, %v; want %q", src, keys, reads, want)
		}
	}
}

func hclsyntaxParse(src string) (hcl.Expression, hcl.Diagnostics) {
	return hclsyntax.ParseExpression([]byte(src), "x.tf", hcl.InitialPos)
}
