package standalone

import (
	"testing"
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
			_, tfErr, tfCode := runTFLint(t, dir, args...)
			saOut, saErr, saCode := runStandalone(t, dir, args...)
			if tfCode != c.want {
				t.Errorf("tflint exits %d here, not %d as this test expects:\n%s", tfCode, c.want, tfErr)
			}
			if saCode != tfCode {
				t.Errorf("exit status: tflint %d, standalone %d\n%s%s", tfCode, saCode, saOut, saErr)
			}
		})
	}
}
