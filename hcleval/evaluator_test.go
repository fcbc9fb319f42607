package hcleval

import (
	"github.com/fargate-lint/tflint-ruleset-fargate/tffunc"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

func parse(t *testing.T, src string) hcl.Expression {
	t.Helper()
	expr, diags := hclsyntax.ParseExpression([]byte(src), "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return expr
}

func TestValue(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "c.json"), []byte(`[{"name":"app"}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "c.tpl"), []byte(`[{"name":"${name}"}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	locals := map[string]hcl.Expression{
		"port":  parse(t, `8000 + 80`),
		"name":  parse(t, `upper(var.app)`),
		"loopA": parse(t, `local.loopB`),
		"loopB": parse(t, `local.loopA`),
		"arn":   parse(t, `aws_iam_role.x.arn`),
	}
	asked := map[string]int{}
	vars := func(name string, ref hcl.Expression) cty.Value {
		asked[name]++
		if name == "app" {
			return cty.StringVal("web")
		}
		return cty.DynamicVal
	}
	e := New(locals, tffunc.Functions(tffunc.Options{BaseDir: dir}), Paths{Module: ".", Root: ".", Cwd: dir}, varScope(vars))

	cases := map[string]cty.Value{
		`local.port`:                    cty.NumberIntVal(8080),
		`"${local.name}-${local.port}"`: cty.StringVal("WEB-8080"),
		`local.loopA`:                   cty.DynamicVal,
		`local.arn`:                     cty.DynamicVal,
		`var.missing`:                   cty.DynamicVal,
		`nosuchfunction(1)`:             cty.DynamicVal,
		`replace("a-b", "/[-]/", "_")`:  cty.StringVal("a_b"),
		`one(["x"])`:                    cty.StringVal("x"),
		`file("${path.module}/c.json")`: cty.StringVal(`[{"name":"app"}]`),
		`templatefile("${path.module}/c.tpl", {name = var.app})`: cty.StringVal(`[{"name":"web"}]`),
		`file("${path.module}/none.json")`:                       cty.DynamicVal,
	}
	for src, want := range cases {
		got := e.Value(parse(t, src))
		if !got.RawEquals(want) {
			t.Errorf("%s = %#v, want %#v", src, got, want)
		}
	}
	if asked["app"] != 1 {
		t.Errorf("var.app asked %d times, want once", asked["app"])
	}
}

// varScope answers input variables only.
type varScope func(name string, ref hcl.Expression) cty.Value

func (f varScope) Variable(name string, ref hcl.Expression) cty.Value { return f(name, ref) }
func (varScope) Resource(string, string, []string) cty.Value          { return cty.DynamicVal }
func (varScope) Data(string, string, []string) cty.Value              { return cty.DynamicVal }
func (varScope) ModuleCall(string) cty.Value                          { return cty.DynamicVal }
