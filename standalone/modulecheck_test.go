package standalone

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestModuleCallsMatchTFLint requires the exit status of tflint for module calls it
// cannot follow: missing or broken local modules fail with call_module_type "local" (the
// default) and "all", remote modules not installed fail with "all", nothing fails with
// "none".
func TestModuleCallsMatchTFLint(t *testing.T) {
	call := func(source string) string {
		return "module \"svc\" {\n  source = \"" + source + "\"\n}\n" + goodTask
	}
	for _, c := range []struct {
		name  string
		files map[string]string
		args  []string
		want  int
	}{
		{"missing local module", map[string]string{"main.tf": call("./modules/none")}, nil, ExitError},
		{"missing local module, none", map[string]string{"main.tf": call("./modules/none")}, []string{"--call-module-type=none"}, ExitOK},
		{"broken local module", map[string]string{"main.tf": call("./modules/svc"), "modules/svc/main.tf": "resource \"x\" {\n"}, nil, ExitError},
		{"nested missing module", map[string]string{"main.tf": call("./modules/svc"), "modules/svc/main.tf": "module \"inner\" {\n  source = \"../none\"\n}\n"}, nil, ExitError},
		{"working local module", map[string]string{"main.tf": call("./modules/svc"), "modules/svc/main.tf": badTask}, nil, ExitIssues},
		{"remote module, local", map[string]string{"main.tf": call("terraform-aws-modules/ecs/aws")}, nil, ExitOK},
		{"remote module not installed, all", map[string]string{"main.tf": call("terraform-aws-modules/ecs/aws")}, []string{"--call-module-type=all"}, ExitError},
		{"undeclared variable in an argument", map[string]string{"main.tf": "module \"svc\" {\n  source = \"./modules/svc\"\n  mode   = var.nope\n}\n", "modules/svc/main.tf": "variable \"mode\" {}\n"}, nil, ExitError},
		{"undeclared variable close to a declared one", map[string]string{"main.tf": "variable \"mood\" {}\n\nmodule \"svc\" {\n  source = \"./modules/svc\"\n  mode   = var.mode\n}\n", "modules/svc/main.tf": "variable \"mode\" {}\n"}, nil, ExitError},
		{"argument the module does not declare", map[string]string{"main.tf": "module \"svc\" {\n  source = \"./modules/svc\"\n  other  = var.nope\n}\n", "modules/svc/main.tf": "variable \"mode\" {}\n"}, nil, ExitOK},
		{"undeclared local", map[string]string{"main.tf": "module \"svc\" {\n  source = \"./modules/svc\"\n  mode   = local.nope\n}\n", "modules/svc/main.tf": "variable \"mode\" {}\n"}, nil, ExitError},
		{"missing file", map[string]string{"main.tf": "module \"svc\" {\n  source = \"./modules/svc\"\n  mode   = file(\"${path.module}/mode.txt\")\n}\n", "modules/svc/main.tf": "variable \"mode\" {}\n"}, nil, ExitError},
		{"missing template", map[string]string{"main.tf": "module \"svc\" {\n  source = \"./modules/svc\"\n  mode   = templatefile(\"mode.tftpl\", {})\n}\n", "modules/svc/main.tf": "variable \"mode\" {}\n"}, nil, ExitError},
		{"undeclared variable in count", map[string]string{"main.tf": "module \"svc\" {\n  source = \"./modules/svc\"\n  count  = var.n\n}\n", "modules/svc/main.tf": "variable \"mode\" {\n  default = 1\n}\n"}, nil, ExitError},
		{"undeclared variable in a source, none", map[string]string{"main.tf": "module \"svc\" {\n  source = var.where\n}\n"}, []string{"--call-module-type=none"}, ExitError},
		{"undeclared variable in an argument, none", map[string]string{"main.tf": "module \"svc\" {\n  source = \"./modules/svc\"\n  mode   = var.nope\n}\n", "modules/svc/main.tf": "variable \"mode\" {}\n"}, []string{"--call-module-type=none"}, ExitOK},
		{"a value of the wrong type for a nested call", map[string]string{"main.tf": "module \"svc\" {\n  source = \"./modules/svc\"\n  mode   = [1, 2]\n}\n", "modules/svc/main.tf": "variable \"mode\" {\n  type = string\n}\n\nmodule \"inner\" {\n  source = \"./inner\"\n  mode   = var.mode\n}\n", "modules/svc/inner/main.tf": "variable \"mode\" {}\n"}, nil, ExitError},
		{"remote module installed, all", map[string]string{
			"main.tf":                         call("terraform-aws-modules/ecs/aws"),
			".terraform/modules/modules.json": `{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"svc","Source":"registry.terraform.io/terraform-aws-modules/ecs/aws","Version":"5.0.0","Dir":".terraform/modules/svc"}]}`,
			".terraform/modules/svc/main.tf":  goodTask,
		}, []string{"--call-module-type=all"}, ExitOK},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{".tflint.hcl": fargateConfig}
			for k, v := range c.files {
				files[k] = v
			}
			dir := writeFiles(t, files)
			args := append([]string{"--format=json"}, c.args...)
			tfOut, tfErr, tfCode := runTFLint(t, dir, args...)
			saOut, saErr, saCode := runStandalone(t, dir, args...)
			if tfCode != c.want {
				t.Errorf("tflint exits %d here, not %d as this test expects:\n%s", tfCode, c.want, tfErr)
			}
			if saCode != tfCode {
				t.Errorf("exit status: tflint %d, standalone %d\n%s%s", tfCode, saCode, saOut, saErr)
			}
			// The errors of the JSON report are tflint's, word for word.
			var tfReport, saReport struct{ Errors []any }
			if err := json.Unmarshal([]byte(tfOut), &tfReport); err != nil {
				t.Fatalf("tflint printed no JSON: %v\n%s", err, tfOut)
			}
			if err := json.Unmarshal([]byte(saOut), &saReport); err != nil {
				t.Fatalf("the standalone linter printed no JSON: %v\n%s", err, saOut)
			}
			if diff := cmp.Diff(tfReport.Errors, saReport.Errors); diff != "" {
				t.Errorf("errors differ (-tflint +standalone):\n%s", diff)
			}
		})
	}
}
