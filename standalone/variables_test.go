package standalone

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/lang/marks"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// layerFiles build a module where variable pK is given a value by the first K layers of
// values, lowest precedence first, so that pK must come out as layer K's value.
func layerFiles() (map[string]string, []string) {
	layers := []string{"env", "tfvars", "auto-a", "auto-b", "config-varfile", "cli-varfile", "config-var", "cli-var"}
	var decls strings.Builder
	for k := 0; k <= len(layers); k++ {
		fmt.Fprintf(&decls, "variable \"p%d\" {\n  default = \"default\"\n}\n", k)
	}
	assign := func(from int, value string, format string) string {
		var b strings.Builder
		for k := from; k <= len(layers); k++ {
			fmt.Fprintf(&b, format, k, value)
		}
		return b.String()
	}
	files := map[string]string{
		"main.tf":            decls.String(),
		"terraform.tfvars":   assign(2, "tfvars", "p%d = %q\n"),
		"a.auto.tfvars":      assign(3, "auto-a", "p%d = %q\n"),
		"b.auto.tfvars.json": "{" + strings.TrimSuffix(assign(4, "auto-b", "\"p%d\": %q,"), ",") + "}",
		"cfg.tfvars":         assign(5, "config-varfile", "p%d = %q\n"),
		"cli.tfvars":         assign(6, "cli-varfile", "p%d = %q\n"),
		".tflint.hcl": fmt.Sprintf("config {\n  varfile = [\"cfg.tfvars\"]\n  variables = [%s]\n}\n",
			strings.TrimSuffix(assign(7, "config-var", "\"p%d=%s\","), ",")),
	}
	return files, layers
}

// loadInputs reads what the module in dir gives its variables, as lintDir does.
func loadInputs(t *testing.T, dir string, o *Options) (*inputs, error) {
	t.Helper()
	cfg, err := LoadConfig(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Merge(o)
	mod, diags := readModule(dir, ".")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	vars, diags := declaredVariables(mod)
	if diags.HasErrors() {
		return nil, diags
	}
	given, err := collectValues(dir, ".", vars, cfg)
	if err != nil {
		return nil, err
	}
	return newInputs(vars, given), nil
}

// TestValuePrecedence checks each layer of values wins over the ones below it:
// defaults, TF_VAR_ variables, terraform.tfvars, *.auto.tfvars(.json) in name order, the
// config's varfile, --var-file, the config's variables, --var.
func TestValuePrecedence(t *testing.T) {
	files, layers := layerFiles()
	dir := writeFiles(t, files)
	for k := 1; k <= len(layers); k++ {
		t.Setenv(fmt.Sprintf("TF_VAR_p%d", k), "env")
	}
	in, err := loadInputs(t, dir, &Options{Varfiles: []string{"cli.tfvars"}, Variables: []string{fmt.Sprintf("p%d=cli-var", len(layers))}})
	if err != nil {
		t.Fatal(err)
	}
	want := append([]string{"default"}, layers...)
	for k, w := range want {
		v, diags := in.value(fmt.Sprintf("p%d", k), hcl.Range{})
		if diags.HasErrors() || v.AsString() != w {
			t.Errorf("p%d = %#v (%v), want %q", k, v, diags, w)
		}
	}
}

// TestVariableValues checks types, defaults and marks of variable values.
func TestVariableValues(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"main.tf": `
variable "port" {
  type = number
}
variable "names" {
  type = list(string)
}
variable "service" {
  type    = object({ name = string, port = optional(number, 80) })
  default = { name = "web" }
}
variable "secret" {
  default   = "hunter2"
  sensitive = true
}
variable "kept" {
  default  = "fallback"
  nullable = false
}
variable "plain" {}
variable "text" {
  type = string
}
`,
		"terraform.tfvars": "kept = null\n",
	})
	in, err := loadInputs(t, dir, &Options{Variables: []string{"port=8080", `names=["a", "b"]`, "text=[not hcl"}})
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, want cty.Value) {
		t.Helper()
		got, diags := in.value(name, hcl.Range{})
		if diags.HasErrors() || !got.RawEquals(want) {
			t.Errorf("var.%s = %#v (%v), want %#v", name, got, diags, want)
		}
	}
	check("port", cty.NumberIntVal(8080))
	check("names", cty.ListVal([]cty.Value{cty.StringVal("a"), cty.StringVal("b")}))
	check("service", cty.ObjectVal(map[string]cty.Value{"name": cty.StringVal("web"), "port": cty.NumberIntVal(80)}))
	check("secret", cty.StringVal("hunter2").Mark(marks.Sensitive))
	check("kept", cty.StringVal("fallback"))
	check("plain", cty.DynamicVal)
	check("text", cty.StringVal("[not hcl"))
	if _, diags := in.value("missing", hcl.Range{}); !diags.HasErrors() {
		t.Error("an undeclared variable must be an error")
	}
}

func TestVariableValueErrors(t *testing.T) {
	for _, c := range []struct {
		files map[string]string
		o     *Options
		want  string
	}{
		{map[string]string{"main.tf": "variable \"a\" {}\n"}, &Options{Variables: []string{"b=1"}}, "declares no variable \"b\""},
		{map[string]string{"main.tf": "variable \"a\" {}\n"}, &Options{Variables: []string{"a"}}, "write name=value"},
		{map[string]string{"main.tf": "variable \"a\" {}\n"}, &Options{Varfiles: []string{"none.tfvars"}}, "does not exist"},
		{map[string]string{"main.tf": "variable \"a\" {}\n", "terraform.tfvars": "a = \n"}, &Options{}, "reading variable files"},
		{map[string]string{"main.tf": "variable \"a\" {\n  type = \"string\"\n}\n"}, &Options{}, "Quoted type constraint"},
		{map[string]string{"main.tf": "variable \"a\" {\n  type    = number\n  default = \"x\"\n}\n"}, &Options{}, "not compatible with the variable's type constraint"},
		{map[string]string{"main.tf": "variable \"a\" {\n  type = list(string)\n}\n"}, &Options{Variables: []string{"a=[1,"}}, "reading variable values"},
	} {
		dir := writeFiles(t, c.files)
		_, err := loadInputs(t, dir, c.o)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v %+v: error %v, want one containing %q", c.files, c.o, err, c.want)
		}
	}
}

// TestEvaluateExpr checks the runner answers var.NAME into every kind of target, with
// tflint's errors for values that cannot be known.
func TestEvaluateExpr(t *testing.T) {
	dir := writeFiles(t, map[string]string{"main.tf": `
variable "port" {
  default = 80
}
variable "secret" {
  default   = "x"
  sensitive = true
}
variable "unset" {}
`})
	in, err := loadInputs(t, dir, &Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := &Runner{inputs: in}
	expr := func(src string) hcl.Expression {
		e, diags := hclsyntax.ParseExpression([]byte(src), "expr.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		return e
	}
	var port int
	if err := r.EvaluateExpr(expr("var.port"), &port, nil); err != nil || port != 80 {
		t.Errorf("var.port into an int: %d, %v", port, err)
	}
	var text string
	if err := r.EvaluateExpr(expr(`"${var.port}/tcp"`), &text, nil); err != nil || text != "80/tcp" {
		t.Errorf("a template of var.port: %q, %v", text, err)
	}
	if err := r.EvaluateExpr(expr("var.secret"), &text, nil); !errors.Is(err, tflint.ErrSensitive) {
		t.Errorf("var.secret into a string: %v, want ErrSensitive", err)
	}
	if err := r.EvaluateExpr(expr("var.unset"), &text, nil); !errors.Is(err, tflint.ErrUnknownValue) {
		t.Errorf("var.unset into a string: %v, want ErrUnknownValue", err)
	}
	var v cty.Value
	if err := r.EvaluateExpr(expr("var.secret"), &v, &tflint.EvaluateExprOption{WantType: &cty.DynamicPseudoType}); err != nil || !v.HasMark(marks.Sensitive) {
		t.Errorf("var.secret into a cty.Value: %#v, %v", v, err)
	}
	called := false
	if err := r.EvaluateExpr(expr("var.unset"), func(string) error { called = true; return nil }, nil); err != nil || called {
		t.Errorf("a callback on an unknown value must be skipped: called %v, %v", called, err)
	}
	if err := r.EvaluateExpr(expr("var.port"), func(p int) error { called = p == 80; return nil }, nil); err != nil || !called {
		t.Errorf("a callback on var.port: called %v, %v", called, err)
	}
	if err := r.EvaluateExpr(expr("local.x"), &text, nil); err == nil {
		t.Error("only input variables are known: local.x must be an error")
	}
}

// TestValuePrecedenceMatchesTFLint gives task definitions a cpu from variables set by
// every layer of values, and requires tflint and the standalone linter to report the
// same (invalid) cpu for each: the same layer won.
func TestValuePrecedenceMatchesTFLint(t *testing.T) {
	files := map[string]string{}
	var tf strings.Builder
	const layers = 8
	for k := 0; k <= layers; k++ {
		fmt.Fprintf(&tf, "variable \"p%d\" {\n  default = 100\n}\n", k)
		fmt.Fprintf(&tf, "resource \"aws_ecs_task_definition\" \"t%d\" {\n  family = \"t\"\n  requires_compatibilities = [\"FARGATE\"]\n  network_mode = \"awsvpc\"\n  cpu = var.p%d\n  memory = 512\n  container_definitions = jsonencode([{ name = \"app\", image = \"nginx\" }])\n}\n", k, k)
	}
	files["main.tf"] = tf.String()
	assign := func(from, value int, format string) string {
		var b strings.Builder
		for k := from; k <= layers; k++ {
			fmt.Fprintf(&b, format, k, value)
		}
		return b.String()
	}
	files["terraform.tfvars"] = assign(2, 102, "p%d = %d\n")
	files["a.auto.tfvars"] = assign(3, 103, "p%d = %d\n")
	files["b.auto.tfvars.json"] = "{" + strings.TrimSuffix(assign(4, 104, "\"p%d\": %d,"), ",") + "}"
	files["cfg.tfvars"] = assign(5, 105, "p%d = %d\n")
	files["cli.tfvars"] = assign(6, 106, "p%d = %d\n")
	files[".tflint.hcl"] = fmt.Sprintf("config {\n  varfile = [\"cfg.tfvars\"]\n  variables = [%s]\n}\nplugin \"terraform\" {\n  enabled = false\n}\nplugin \"fargate\" {\n  enabled = true\n}\n",
		strings.TrimSuffix(assign(7, 107, "\"p%d=%d\","), ","))
	dir := writeFiles(t, files)
	for k := 1; k <= layers; k++ {
		t.Setenv(fmt.Sprintf("TF_VAR_p%d", k), "101")
	}
	args := []string{"--format", "json", "--var-file", "cli.tfvars", "--var", fmt.Sprintf("p%d=108", layers)}
	tfOut, _, tfCode := runTFLint(t, dir, args...)
	saOut, _, saCode := runStandalone(t, dir, args...)
	if tfCode != saCode {
		t.Errorf("exit status: tflint %d, standalone %d", tfCode, saCode)
	}
	compareOutput(t, "json", tfOut, saOut, false)
	for k := 0; k <= layers; k++ {
		if want := fmt.Sprintf("cpu %d:", 100+k); !strings.Contains(saOut, want) {
			t.Errorf("no finding for %q:\n%s", want, saOut)
		}
	}
}
