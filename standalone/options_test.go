package standalone

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseOptions(t *testing.T) {
	yes, local, four := true, "local", 4
	for _, c := range []struct {
		args []string
		want Options
	}{
		{[]string{"--format", "json"}, Options{Format: "json"}},
		{[]string{"--format=sarif"}, Options{Format: "sarif"}},
		{[]string{"-f", "junit"}, Options{Format: "junit"}},
		{[]string{"-fcompact"}, Options{Format: "compact"}},
		{[]string{"-c", "x.hcl", "--chdir=live"}, Options{Config: "x.hcl", Chdir: "live"}},
		{[]string{"--config=/abs/.tflint.hcl", "--recursive"}, Options{Config: "/abs/.tflint.hcl", Recursive: true}},
		{[]string{"-vh"}, Options{Version: true, Help: true}},
		{[]string{"--only", "a", "--only=b", "--enable-rule", "c", "--disable-rule", "d"},
			Options{Only: []string{"a", "b"}, EnableRules: []string{"c"}, DisableRules: []string{"d"}}},
		{[]string{"--var-file", "a.tfvars,b.tfvars", "--var", "x=1", "--var=y=[1]"},
			Options{Varfiles: []string{"a.tfvars,b.tfvars"}, Variables: []string{"x=1", "y=[1]"}}},
		{[]string{"--force", "--fix", "--no-color", "--color"}, Options{Force: &yes, Fix: true, NoColor: true, Color: true}},
		{[]string{"--minimum-failure-severity=warning", "--call-module-type", "local"}, Options{MinimumFailureSeverity: "warning", CallModuleType: &local}},
		{[]string{"--filter", "main.tf", "--filter=*.tf", "--max-workers=4"}, Options{Filter: []string{"main.tf", "*.tf"}, MaxWorkers: &four}},
		{[]string{"--init", "--langserver", "--enable-plugin", "fargate", "--ignore-module", "x", "--no-parallel-runners"},
			Options{Init: true, Langserver: true, EnablePlugins: []string{"fargate"}, IgnoreModules: []string{"x"}, NoParallelRunners: true}},
		{[]string{"dir", "--", "--format"}, Options{Args: []string{"dir", "--format"}}},
	} {
		got, err := ParseOptions(c.args)
		if err != nil {
			t.Errorf("%q: %v", c.args, err)
			continue
		}
		if diff := cmp.Diff(&c.want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", c.args, diff)
		}
	}
}

func TestParseOptionsErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--bogus"}, "unknown option --bogus"},
		{[]string{"-z"}, "unknown option -z"},
		{[]string{"--format"}, "--format needs a value"},
		{[]string{"-f"}, "-f needs a value"},
		{[]string{"--format", "yaml"}, `invalid value "yaml" for --format`},
		{[]string{"--minimum-failure-severity=info"}, `invalid value "info"`},
		{[]string{"--call-module-type=some"}, `invalid value "some"`},
		{[]string{"--force=true"}, "--force takes no value"},
		{[]string{"--max-workers=many"}, "--max-workers needs a whole number"},
	} {
		_, err := ParseOptions(c.args)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want one containing %q", c.args, err, c.want)
		}
	}
}

// TestUsageListsEveryOption checks --help names each option tflint has.
func TestUsageListsEveryOption(t *testing.T) {
	var b strings.Builder
	writeUsage(&b)
	for _, name := range []string{"--version", "--init", "--langserver", "--format", "--config", "--ignore-module",
		"--enable-rule", "--disable-rule", "--only", "--enable-plugin", "--var-file", "--var", "--call-module-type",
		"--chdir", "--recursive", "--filter", "--force", "--minimum-failure-severity", "--color", "--no-color",
		"--fix", "--no-parallel-runners", "--max-workers", "--help"} {
		if !strings.Contains(b.String(), name) {
			t.Errorf("--help does not list %s", name)
		}
	}
}
