package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The module calls below make a for_each call (outer's inner) read, through outer's
// variable, the output of a call written after outer in the root (things): Terraform
// orders calls by what they refer to, not by where they are written.
var laterCallFiles = map[string]string{
	"outer/main.tf": `
variable "items" {}
module "inner" {
  source   = "../inner"
  for_each = var.items
  thing_id = try(each.value.thing_id, null)
}
`,
	"inner/main.tf": `
variable "thing_id" {}
resource "widget" "w" {
  thing_id = var.thing_id
}
`,
	"things/main.tf": `
variable "names" {}
resource "thing" "t" {
  for_each = toset(var.names)
  name     = each.key
}
output "things" {
  value = thing.t
}
`,
}

func TestCallWrittenLater(t *testing.T) {
	outer := `
module "outer" {
  source = "./outer"
  items = {
    one = { thing_id = module.things.things["x"].id }
  }
}
`
	things := `
module "things" {
  source = "./things"
  names  = ["x", "y"]
}
`
	for _, tc := range []struct {
		name, root string
	}{
		{"read before written", outer + things},
		{"read after written", things + outer},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"main.tf": tc.root}
			for k, v := range laterCallFiles {
				files[k] = v
			}
			c := load(t, files)
			w := one(t, c, `module.outer.module.inner["one"].widget.w`)
			var got []string
			for _, r := range c.Resolve(w.Attr("thing_id"), "thing") {
				got = append(got, r.Label())
			}
			if diff := cmp.Diff([]string{`module.things.thing.t["x"]`}, got); diff != "" {
				t.Errorf("thing_id resolves to (-want +got):\n%s", diff)
			}
			if c.MayHaveUnknown("thing", "widget") {
				t.Error("every call's instances are known, yet MayHaveUnknown is true")
			}
			// Modules and resources stay listed as written, whatever order they were
			// instantiated in.
			var modules []string
			for _, mod := range c.modules {
				modules = append(modules, mod.path)
			}
			var types []string
			for _, rb := range c.order {
				types = append(types, rb.address())
			}
			wantModules := []string{"", "module.outer", `module.outer.module.inner["one"]`, "module.things"}
			wantTypes := []string{`module.outer.module.inner["one"].widget.w`, "module.things.thing.t"}
			if tc.name == "read after written" {
				wantModules = []string{"", "module.things", "module.outer", `module.outer.module.inner["one"]`}
				wantTypes = []string{"module.things.thing.t", `module.outer.module.inner["one"].widget.w`}
			}
			if diff := cmp.Diff(wantModules, modules); diff != "" {
				t.Errorf("modules (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(wantTypes, types); diff != "" {
				t.Errorf("resource blocks (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCallCycle checks two calls whose for_each read each other's outputs, which
// Terraform rejects: neither is known, and loading ends.
func TestCallCycle(t *testing.T) {
	files := map[string]string{
		"main.tf": `
module "a" {
  source   = "./m"
  for_each = module.b
  names    = ["x"]
}
module "b" {
  source   = "./m"
  for_each = module.a
  names    = ["y"]
}
`,
		"m/main.tf": `
variable "names" {}
resource "thing" "t" {
  for_each = toset(var.names)
}
output "names" {
  value = var.names
}
`,
	}
	c := load(t, files)
	if n := len(c.OfType("thing")); n != 0 {
		t.Errorf("%d things, want none: neither call's instances can be known", n)
	}
	if !c.MayHaveUnknown("thing") {
		t.Error("MayHaveUnknown = false, want true: both calls are unknown")
	}
}
