package standalone

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const fargateConfig = "plugin \"terraform\" {\n  enabled = false\n}\nplugin \"fargate\" {\n  enabled = true\n}\n"

// badTask is a task definition with one finding (its network mode), goodTask one
// without.
const badTask = `resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "host"
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "app", image = "nginx" }])
}
`

const goodTask = `resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "app", image = "nginx" }])
}
`

func TestExitStatus(t *testing.T) {
	bad := writeFiles(t, map[string]string{".tflint.hcl": fargateConfig, "main.tf": badTask})
	good := writeFiles(t, map[string]string{".tflint.hcl": fargateConfig, "main.tf": goodTask})
	disabled := writeFiles(t, map[string]string{".tflint.hcl": "plugin \"fargate\" {\n  enabled = false\n}\n", "main.tf": badTask})
	for _, c := range []struct {
		name string
		dir  string
		args []string
		want int
	}{
		{"clean", good, nil, ExitOK},
		{"issues", bad, nil, ExitIssues},
		{"--force", bad, []string{"--force"}, ExitOK},
		{"force in the config", writeFiles(t, map[string]string{".tflint.hcl": fargateConfig + "config {\n  force = true\n}\n", "main.tf": badTask}), nil, ExitOK},
		{"errors pass --minimum-failure-severity=error", bad, []string{"--minimum-failure-severity=error"}, ExitIssues},
		{"the rule disabled", bad, []string{"--disable-rule=fargate_task_network_mode"}, ExitOK},
		{"--only another rule", bad, []string{"--only=fargate_task_size"}, ExitOK},
		{"the plugin disabled", disabled, nil, ExitOK},
		{"an unknown fargate rule", bad, []string{"--enable-rule=fargate_nothing"}, ExitError},
		{"another plugin's rule", bad, []string{"--enable-rule=aws_instance_invalid_type"}, ExitIssues},
		{"a missing --chdir folder", bad, []string{"--chdir=nowhere"}, ExitError},
		{"an unknown option", bad, []string{"--bogus"}, ExitError},
		{"a positional argument", bad, []string{"main.tf"}, ExitError},
		{"--langserver", bad, []string{"--langserver"}, ExitError},
		{"--max-workers=0", bad, []string{"--max-workers=0"}, ExitError},
		{"--init", bad, []string{"--init"}, ExitOK},
		{"--version", bad, []string{"--version"}, ExitOK},
		{"--help", bad, []string{"--help"}, ExitOK},
	} {
		_, stderr, code := lint(t, c.dir, c.args...)
		if code != c.want {
			t.Errorf("%s: exit status %d, want %d\n%s", c.name, code, c.want, stderr)
		}
	}
}

// TestMinimumFailureSeverity checks a warning fails the run only down to the minimum
// severity asked for.
func TestMinimumFailureSeverity(t *testing.T) {
	// fargate_task_role is a warning: a FireLens container needs a task role.
	firelens := strings.Replace(goodTask, `image = "nginx"`, `image = "nginx", logConfiguration = { logDriver = "awsfirelens" }`, 1)
	dir := writeFiles(t, map[string]string{".tflint.hcl": fargateConfig, "main.tf": firelens})
	stdout, _, code := lint(t, dir, "--only=fargate_task_role", "--format=json")
	var report struct {
		Issues []struct{ Rule struct{ Severity string } }
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatal(err)
	}
	if len(report.Issues) == 0 || report.Issues[0].Rule.Severity == "error" || code != ExitIssues {
		t.Fatalf("the case needs a finding below error severity, got %s (exit %d)", stdout, code)
	}
	if _, _, code := lint(t, dir, "--only=fargate_task_role", "--minimum-failure-severity=error"); code != ExitOK {
		t.Errorf("a %s with --minimum-failure-severity=error: exit status %d", report.Issues[0].Rule.Severity, code)
	}
	if _, _, code := lint(t, dir, "--only=fargate_task_role", "--minimum-failure-severity=notice"); code != ExitIssues {
		t.Errorf("a %s with --minimum-failure-severity=notice: exit status %d", report.Issues[0].Rule.Severity, code)
	}
}

func TestVersionAndHelp(t *testing.T) {
	dir := t.TempDir()
	stdout, _, _ := lint(t, dir, "--version")
	if !strings.HasPrefix(stdout, programName+" version ") || !strings.Contains(stdout, "+ ruleset.fargate (") {
		t.Errorf("--version printed %q", stdout)
	}
	stdout, _, _ = lint(t, dir, "--version", "--format=json")
	var v struct {
		Version string
		Plugins []struct{ Name, Version string }
	}
	if err := json.Unmarshal([]byte(stdout), &v); err != nil || v.Version == "" || len(v.Plugins) != 1 || v.Plugins[0].Name != "ruleset.fargate" {
		t.Errorf("--version --format=json printed %q (%v)", stdout, err)
	}
	stdout, _, _ = lint(t, dir, "-h")
	if !strings.Contains(stdout, "Usage:") || !strings.Contains(stdout, "--minimum-failure-severity") {
		t.Errorf("-h printed %q", stdout)
	}
}

// TestConfigFormat checks a format set in the configuration file applies to a single
// folder (the flag wins), and not to --recursive, as in tflint.
func TestConfigFormat(t *testing.T) {
	dir := writeFiles(t, map[string]string{".tflint.hcl": fargateConfig + "config {\n  format = \"compact\"\n}\n", "main.tf": badTask})
	if stdout, _, _ := lint(t, dir); !strings.Contains(stdout, "main.tf:4:30: Error - ") {
		t.Errorf("the config's compact format: %q", stdout)
	}
	if stdout, _, _ := lint(t, dir, "--format=json"); !strings.HasPrefix(stdout, `{"issues":`) {
		t.Errorf("--format=json over the config's format: %q", stdout)
	}
	if stdout, _, _ := lint(t, dir, "--recursive", "--no-color"); !strings.Contains(stdout, "1 issue(s) found:\n\nError: ") {
		t.Errorf("--recursive ignores the config's format: %q", stdout)
	}
}

// TestFixWritesFiles checks --fix rewrites the files, and reports the findings fixed.
func TestFixWritesFiles(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("..", "testdata", "autofix", "fixed", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	dir := copyCase(t, "autofix")
	before, _ := os.ReadFile(filepath.Join(dir, "main.tf"))
	stdout, _, code := lint(t, dir, "--config=.tflint.hcl", "--fix", "--format=json")
	after, _ := os.ReadFile(filepath.Join(dir, "main.tf"))
	if string(after) == string(before) || string(after) != string(want) {
		t.Errorf("--fix wrote:\n%s\nwant:\n%s", after, want)
	}
	if code != ExitIssues || !strings.Contains(stdout, `"fixed":true`) {
		t.Errorf("--fix reported (exit %d): %s", code, stdout)
	}
	if _, _, code := lint(t, dir, "--config=.tflint.hcl"); code != ExitOK {
		t.Errorf("the fixed module still has findings (exit %d)", code)
	}
}

// TestFilter checks --filter keeps the findings of the files it names.
func TestFilter(t *testing.T) {
	dir := writeFiles(t, map[string]string{".tflint.hcl": fargateConfig, "a.tf": badTask, "b.tf": strings.ReplaceAll(badTask, `"app"`, `"other"`)})
	for _, c := range []struct {
		filter []string
		want   []string
	}{
		{[]string{"--filter=a.tf"}, []string{"a.tf"}},
		{[]string{"--filter=*.tf"}, []string{"a.tf", "b.tf"}},
		{[]string{"--filter=a.tf", "--filter=b.tf"}, []string{"a.tf", "b.tf"}},
		{[]string{"--filter=c.tf"}, nil},
	} {
		stdout, _, _ := lint(t, dir, append(c.filter, "--format=json")...)
		var report struct {
			Issues []struct{ Range struct{ Filename string } }
		}
		if err := json.Unmarshal([]byte(stdout), &report); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, is := range report.Issues {
			got = append(got, is.Range.Filename)
		}
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%v: findings in %v, want %v", c.filter, got, c.want)
		}
	}
}

// recursiveTree is a repository: modules with findings at two levels, a hidden folder
// and a folder without Terraform files, which --recursive passes over.
func recursiveTree(t *testing.T) string {
	return writeFiles(t, map[string]string{
		".tflint.hcl":      fargateConfig,
		"live/main.tf":     badTask,
		"live/web/main.tf": badTask,
		"live/ok/main.tf":  goodTask,
		".hidden/main.tf":  badTask,
		"docs/README.md":   "no Terraform here\n",
		"modules/x/.keep":  "",
	})
}

func TestRecursive(t *testing.T) {
	root := recursiveTree(t)
	dirs, err := folders(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if strings.Contains(d, ".hidden") {
			t.Errorf("--recursive walks into %s", d)
		}
	}
	stdout, _, code := lint(t, root, "--recursive", "--config="+filepath.Join(root, ".tflint.hcl"), "--format=json")
	var report struct {
		Issues []struct{ Range struct{ Filename string } }
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, is := range report.Issues {
		files = append(files, filepath.ToSlash(is.Range.Filename))
	}
	if strings.Join(files, ",") != "live/main.tf,live/web/main.tf" || code != ExitIssues || len(report.Errors) != 0 {
		t.Errorf("--recursive: findings in %v, errors %v, exit %d", files, report.Errors, code)
	}
	// A relative --config is read from each folder, as tflint does: live/ has none.
	_, stderr, code := lint(t, root, "--recursive", "--config=.tflint.hcl")
	if code != ExitError || !strings.Contains(stderr, "live") {
		t.Errorf("--recursive with a relative --config missing in a folder: exit %d\n%s", code, stderr)
	}
}

// TestRecursiveMatchesTFLint compares --recursive with tflint's on the same tree.
func TestRecursiveMatchesTFLint(t *testing.T) {
	root := recursiveTree(t)
	for _, args := range [][]string{
		{"--recursive", "--config=" + filepath.Join(root, ".tflint.hcl"), "--format=json"},
		{"--recursive", "--chdir=live", "--config=" + filepath.Join(root, ".tflint.hcl"), "--format=json"},
		{"--recursive", "--config=" + filepath.Join(root, ".tflint.hcl"), "--format=json", "--filter=main.tf"},
		{"--chdir=live/web", "--config=" + filepath.Join(root, ".tflint.hcl"), "--format=json"},
	} {
		tfOut, _, tfCode := runTFLint(t, root, args...)
		saOut, _, saCode := runStandalone(t, root, args...)
		if tfCode != saCode {
			t.Errorf("%v: exit status tflint %d, standalone %d", args, tfCode, saCode)
		}
		compareOutput(t, "json", tfOut, saOut, false)
	}
	args := []string{"--recursive", "--config=.tflint.hcl", "--format=json"}
	_, _, tfCode := runTFLint(t, root, args...)
	_, _, saCode := runStandalone(t, root, args...)
	if tfCode != saCode {
		t.Errorf("%v: exit status tflint %d, standalone %d", args, tfCode, saCode)
	}
}
