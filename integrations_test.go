package main

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"go.yaml.in/yaml/v3"

	"github.com/fargate-lint/tflint-ruleset-fargate/project"
)

// The tests in this file run what docs/integrations.md tells users to write, read from the
// doc itself: each snippet is the fenced block after a `<!-- snippet: name -->` comment.
// Each runs on a repository laid out as the doc assumes (the documented .tflint.hcl at the
// root, modules in subfolders), built from testdata_integrations/: with the planted
// mistake the integration must fail and name the finding, without it it must pass.
//
// The one change to what users run: the documented configuration declares the plugin with
// source and version, for `tflint --init` to download; here the plugin is the one this
// test run builds, found through TFLINT_PLUGIN_DIR, so the fargate block loses source and
// version, and plugins tflint would download are left out. The command lines stay as
// documented.

const (
	integrationsDoc = "docs/integrations.md"
	// changedModule is the module with the planted mistake, in a subfolder of the root.
	changedModule = "live/web"
	// plantedRule and plantedMessage name the finding the planted mistake must produce.
	plantedRule    = "fargate_awsvpc_host_port"
	plantedMessage = "hostPort 8080 must equal containerPort 80"
)

// docBlock returns the fenced code block right after the line marker in a Markdown file,
// without its fences and the fence's indentation. The marker must appear once.
func docBlock(t *testing.T, file, marker string) string {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	var block []string
	found := 0
	for i, line := range lines {
		if strings.TrimSpace(line) != marker {
			continue
		}
		found++
		if i+1 == len(lines) || !strings.HasPrefix(strings.TrimSpace(lines[i+1]), "```") {
			t.Fatalf("%s: %s is not followed by a fenced code block", file, marker)
		}
		indent := lines[i+1][:len(lines[i+1])-len(strings.TrimLeft(lines[i+1], " "))]
		closed := false
		for _, l := range lines[i+2:] {
			if strings.TrimSpace(l) == "```" {
				closed = true
				break
			}
			block = append(block, strings.TrimPrefix(l, indent))
		}
		if !closed {
			t.Fatalf("%s: the code block after %s is not closed", file, marker)
		}
	}
	if found != 1 {
		t.Fatalf("%s: want one %s, found %d", file, marker, found)
	}
	return strings.Join(block, "\n") + "\n"
}

// snippet returns a snippet of docs/integrations.md.
func snippet(t *testing.T, name string) string {
	t.Helper()
	return docBlock(t, integrationsDoc, "<!-- snippet: "+name+" -->")
}

// integrationRepo assembles a repository in a temporary folder: the documented
// .tflint.hcl at the root, an always clean module in modules/shared, and the module under
// change in live/web, from testdata_integrations/<variant> ("mistake" or "clean").
func integrationRepo(t *testing.T, variant string) string {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		filepath.Join("testdata_integrations", "shared", "main.tf"): filepath.Join(root, "modules", "shared", "main.tf"),
		filepath.Join("testdata_integrations", variant, "main.tf"):  filepath.Join(root, filepath.FromSlash(changedModule), "main.tf"),
	}
	for from, to := range files {
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, ".tflint.hcl"), documentedConfig(t), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

// documentedConfig returns the .tflint.hcl the doc links to, with the fargate plugin
// declared without source and version (this run's build, through TFLINT_PLUGIN_DIR) and
// without the plugins tflint --init would download.
func documentedConfig(t *testing.T) []byte {
	t.Helper()
	const file = "docs/example.tflint.hcl"
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f, diags := hclwrite.ParseConfig(src, file, hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("%s: %v", file, diags)
	}
	declared := false
	for _, b := range f.Body().Blocks() {
		if b.Type() != "plugin" || len(b.Labels()) != 1 {
			continue
		}
		switch {
		case b.Labels()[0] == project.Name:
			declared = true
			b.Body().RemoveAttribute("source")
			b.Body().RemoveAttribute("version")
			if enabled := b.Body().GetAttribute("enabled"); enabled == nil || strings.TrimSpace(string(enabled.Expr().BuildTokens(nil).Bytes())) != "true" {
				t.Fatalf("%s: the %s plugin is not enabled = true", file, project.Name)
			}
		case b.Body().GetAttribute("source") != nil:
			f.Body().RemoveBlock(b)
		}
	}
	if !declared {
		t.Fatalf("%s declares no %s plugin", file, project.Name)
	}
	return f.Bytes()
}

// integrationEnv is the environment the documented commands run in: `tflint` on PATH is
// the one under test, and the plugin is this run's build.
func integrationEnv(t *testing.T) []string {
	t.Helper()
	tflint := tflintPath(t)
	if name := strings.TrimSuffix(filepath.Base(tflint), ".exe"); name != "tflint" {
		t.Fatalf("the snippets call `tflint`, but $TFLINT is %s", tflint)
	}
	var env []string
	for _, kv := range os.Environ() {
		key, _, _ := strings.Cut(kv, "=")
		switch strings.ToUpper(key) {
		case "PATH", "TFLINT_PLUGIN_DIR", "TFLINT_CONFIG_FILE":
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"PATH="+filepath.Dir(tflint)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"TFLINT_PLUGIN_DIR="+buildPlugin(t))
}

// run runs a command and returns its combined output and exit code.
func run(t *testing.T, cmd *exec.Cmd) (string, int) {
	t.Helper()
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return string(out), 0
	case errors.As(err, &exit):
		return string(out), exit.ExitCode()
	}
	t.Fatalf("running %v: %v", cmd.Args, err)
	return "", 0
}

// needPOSIXShell skips a test whose snippet is shell script, run by Linux CI runners.
func needPOSIXShell(t *testing.T, shell string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the snippet is POSIX shell for Linux CI runners")
	}
	path, err := exec.LookPath(shell)
	if err != nil {
		t.Skipf("the snippet needs %s", shell)
	}
	return path
}

// checkGate checks a documented gate failed on the planted mistake and named it, or
// passed on the clean module.
func checkGate(t *testing.T, what, variant, out string, code int) {
	t.Helper()
	switch variant {
	case "mistake":
		if code == 0 {
			t.Errorf("%s passed on a module with a planted mistake:\n%s", what, out)
		} else if !strings.Contains(out, plantedRule) {
			t.Errorf("%s failed (exit %d) without naming %s:\n%s", what, code, plantedRule, out)
		}
	case "clean":
		if code != 0 {
			t.Errorf("%s failed on a clean module (exit %d):\n%s", what, code, out)
		}
	}
}

// TestIntegrationPreCommitTerraform runs the documented terraform_tflint hook the way
// pre-commit-terraform (v1.109.0, hooks/terraform_tflint.sh and hooks/_common.sh) runs it:
// each --args= value is split into words and __GIT_WORKING_DIR__ in it becomes the
// repository root; `tflint --init <args>` runs once in the root; then `tflint <args>` runs
// in each folder holding a file the hook matches, and the hook fails if one run fails.
func TestIntegrationPreCommitTerraform(t *testing.T) {
	tflint := tflintPath(t)
	var config struct {
		Repos []struct {
			Repo  string
			Hooks []struct {
				ID   string
				Args []string
			}
		}
	}
	if err := yaml.Unmarshal([]byte(snippet(t, "pre-commit-terraform")), &config); err != nil {
		t.Fatalf("the pre-commit-terraform snippet is not YAML: %v", err)
	}
	var hookArgs []string
	found := false
	for _, r := range config.Repos {
		for _, h := range r.Hooks {
			if r.Repo == "https://github.com/antonbabenko/pre-commit-terraform" && h.ID == "terraform_tflint" {
				hookArgs, found = h.Args, true
			}
		}
	}
	if !found {
		t.Fatal("the pre-commit-terraform snippet has no terraform_tflint hook")
	}
	// The hook's own file pattern, from pre-commit-terraform's .pre-commit-hooks.yaml.
	hookFiles := regexp.MustCompile(`\.(tf|tofu|tfvars)$`)

	for _, variant := range []string{"mistake", "clean"} {
		t.Run(variant, func(t *testing.T) {
			t.Parallel()
			root := integrationRepo(t, variant)
			env := integrationEnv(t)
			args, delegateChdir := preCommitTerraformArgs(t, hookArgs, root)

			init := exec.Command(tflint, append([]string{"--init"}, args...)...)
			init.Dir, init.Env = root, env
			if out, code := run(t, init); code != 0 {
				t.Fatalf("tflint --init %v failed (exit %d):\n%s", args, code, out)
			}
			var output strings.Builder
			hookCode := 0
			for _, dir := range matchingDirs(t, root, hookFiles) {
				cmd := exec.Command(tflint, args...)
				cmd.Dir, cmd.Env = filepath.Join(root, dir), env
				if delegateChdir {
					cmd = exec.Command(tflint, append([]string{"--chdir=" + dir}, args...)...)
					cmd.Dir, cmd.Env = root, env
				}
				out, code := run(t, cmd)
				if code != 0 {
					hookCode = code
					output.WriteString("TFLint in " + dir + "/:\n" + out)
				}
			}
			checkGate(t, "the terraform_tflint hook", variant, output.String(), hookCode)
		})
	}
}

// preCommitTerraformArgs returns the tflint arguments pre-commit-terraform derives from a
// hook's args, and whether it delegates changing folders to tflint (--chdir).
func preCommitTerraformArgs(t *testing.T, hookArgs []string, root string) (args []string, delegateChdir bool) {
	t.Helper()
	for _, a := range hookArgs {
		switch {
		case strings.HasPrefix(a, "--args="):
			for _, word := range strings.Fields(strings.TrimPrefix(a, "--args=")) {
				if strings.ContainsAny(word, `"'\`) {
					t.Fatalf("quoting in %q is not emulated here", a)
				}
				args = append(args, strings.ReplaceAll(word, "__GIT_WORKING_DIR__", root))
			}
		case a == "--hook-config=--delegate-chdir" || a == "--hook-config=--delegate-chdir=true":
			delegateChdir = true
		case strings.HasPrefix(a, "--hook-config=--parallelism-limit=") || strings.HasPrefix(a, "--hook-config=--parallelism-ci-cpu-cores="):
			// The folders run one after the other here.
		default:
			t.Fatalf("hook argument %q is not emulated here", a)
		}
	}
	return args, delegateChdir
}

// matchingDirs returns the folders, relative to root, of the files a hook's file pattern
// matches: the folders pre-commit-terraform runs tflint in when every file changed.
func matchingDirs(t *testing.T, root string, files *regexp.Regexp) []string {
	t.Helper()
	seen := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if files.MatchString(filepath.ToSlash(rel)) {
			seen[filepath.Dir(rel)] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for d := range seen {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	if len(dirs) < 2 {
		t.Fatalf("the repository has Terraform files in %v, want several folders", dirs)
	}
	return dirs
}

// TestIntegrationPreCommitLocal runs the documented `repo: local` hook: its entry as a
// shell command in the repository root (pre-commit's working folder, with no file names
// appended since pass_filenames is false), and, when pre-commit is installed, pre-commit
// itself in a temporary git repository.
func TestIntegrationPreCommitLocal(t *testing.T) {
	testLocalHook(t, "pre-commit-local", integrationEnv, nil)
}

// testLocalHook runs the `repo: local` pre-commit hook of a snippet on a repository with a
// planted mistake (it must fail, naming it) and on a clean one (it must pass): its entry
// as pre-commit runs it, and pre-commit itself when it is installed. env gives the
// environment; check, when given, checks the entry's text.
func testLocalHook(t *testing.T, name string, env func(*testing.T) []string, check func(*testing.T, string)) {
	sh := needPOSIXShell(t, "sh")
	configText := snippet(t, name)
	var config struct {
		Repos []struct {
			Repo  string
			Hooks []struct {
				ID, Entry, Language, Files string
				PassFilenames              *bool `yaml:"pass_filenames"`
			}
		}
	}
	if err := yaml.Unmarshal([]byte(configText), &config); err != nil {
		t.Fatalf("the %s snippet is not YAML: %v", name, err)
	}
	if len(config.Repos) != 1 || config.Repos[0].Repo != "local" || len(config.Repos[0].Hooks) != 1 {
		t.Fatalf("want one local repo with one hook, got %+v", config.Repos)
	}
	hook := config.Repos[0].Hooks[0]
	if hook.Language != "system" || hook.PassFilenames == nil || *hook.PassFilenames {
		t.Fatalf("the hook must be language: system with pass_filenames: false, got %+v", hook)
	}
	if files := regexp.MustCompile(hook.Files); !files.MatchString(changedModule + "/main.tf") {
		t.Fatalf("the hook's files pattern %q does not match %s/main.tf", hook.Files, changedModule)
	}
	if check != nil {
		check(t, hook.Entry)
	}
	preCommit, _ := exec.LookPath("pre-commit")
	git, _ := exec.LookPath("git")

	for _, variant := range []string{"mistake", "clean"} {
		t.Run("entry/"+variant, func(t *testing.T) {
			t.Parallel()
			root := integrationRepo(t, variant)
			cmd := exec.Command(sh, "-c", hook.Entry)
			cmd.Dir, cmd.Env = root, env(t)
			out, code := run(t, cmd)
			checkGate(t, "the hook's entry ("+name+")", variant, out, code)
		})
		t.Run("pre-commit/"+variant, func(t *testing.T) {
			switch {
			case preCommit == "":
				t.Skip("pre-commit is not installed, so only the hook's entry ran; to run the hook through pre-commit, install it: apt-get install pre-commit on Debian or Ubuntu (see the Makefile)")
			case git == "":
				t.Skip("git is not installed, so only the hook's entry ran: pre-commit needs a git repository")
			}
			t.Parallel()
			root := integrationRepo(t, variant)
			env := env(t)
			if err := os.WriteFile(filepath.Join(root, ".pre-commit-config.yaml"), []byte(configText), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"-c", "init.defaultBranch=main", "init", "-q"}, {"add", "-A"}} {
				cmd := exec.Command(git, args...)
				cmd.Dir, cmd.Env = root, env
				if out, code := run(t, cmd); code != 0 {
					t.Fatalf("git %v: exit %d\n%s", args, code, out)
				}
			}
			cmd := exec.Command(preCommit, "run", "--all-files", "--color=never")
			cmd.Dir, cmd.Env = root, append(env, "PRE_COMMIT_HOME="+t.TempDir())
			out, code := run(t, cmd)
			checkGate(t, "pre-commit run with the "+name+" hook", variant, out, code)
		})
	}
}

// ciSteps are the shell lines of a CI snippet, in order, with the environment a step sets.
type ciStep struct {
	run string
	env map[string]string
}

// runCISteps runs CI shell steps in order in dir with shell (e.g. bash -e -c), stopping at
// the first that fails, as runners do. It returns the output, the failing step (-1 if
// none) and its exit code.
func runCISteps(t *testing.T, shell []string, dir string, steps []ciStep) (string, int, int) {
	t.Helper()
	var output strings.Builder
	for i, step := range steps {
		cmd := exec.Command(shell[0], append(shell[1:], step.run)...)
		cmd.Dir, cmd.Env = dir, integrationEnv(t)
		for k, v := range step.env {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		out, code := run(t, cmd)
		output.WriteString("$ " + step.run + "\n" + out)
		if code != 0 {
			return output.String(), i, code
		}
	}
	return output.String(), -1, 0
}

// workflowStep is one step of a documented GitHub Actions job.
type workflowStep struct {
	Uses, Run, If string
	Env           map[string]string
	With          map[string]string
}

// workflowSteps reads the steps of the one job of a documented workflow snippet.
func workflowSteps(t *testing.T, name string) []workflowStep {
	t.Helper()
	var workflow struct {
		Jobs map[string]struct{ Steps []workflowStep }
	}
	if err := yaml.Unmarshal([]byte(snippet(t, name)), &workflow); err != nil {
		t.Fatalf("the %s snippet is not YAML: %v", name, err)
	}
	if len(workflow.Jobs) != 1 {
		t.Fatalf("want one job, got %d", len(workflow.Jobs))
	}
	for _, job := range workflow.Jobs {
		return job.Steps
	}
	return nil
}

// checkSARIFUpload checks an upload-sarif step runs even when the lint step failed.
func checkSARIFUpload(t *testing.T, s workflowStep) {
	t.Helper()
	if !strings.Contains(s.If, "!cancelled()") && !strings.Contains(s.If, "always()") {
		t.Errorf("the SARIF upload has if: %q, so it is skipped when the lint step fails", s.If)
	}
}

// TestIntegrationGitHubActions runs the shell steps of the documented workflow, as
// ubuntu-latest runs them (bash -e, in the repository root), and checks the SARIF report
// the upload step sends names the finding in the module's subfolder.
func TestIntegrationGitHubActions(t *testing.T) {
	bash := needPOSIXShell(t, "bash")
	var steps []ciStep
	lintStep, sarifFile, uploaded, cached := -1, "", "", false
	for _, s := range workflowSteps(t, "github-actions") {
		switch {
		case s.Run != "":
			env := map[string]string{}
			for k, v := range s.Env {
				if !strings.Contains(v, "${{") { // GitHub expressions are not evaluated here
					env[k] = v
				}
			}
			if strings.Contains(s.Run, "--recursive") {
				lintStep = len(steps)
				if _, file, ok := strings.Cut(s.Run, "> "); ok {
					sarifFile = strings.TrimSpace(file)
				}
			}
			steps = append(steps, ciStep{run: s.Run, env: env})
		case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
			uploaded = s.With["sarif_file"]
			checkSARIFUpload(t, s)
		case strings.HasPrefix(s.Uses, "actions/cache@"):
			cached = s.With["path"] == "~/.tflint.d/plugins" && strings.Contains(s.With["key"], "hashFiles('.tflint.hcl')")
		}
	}
	if lintStep < 0 || sarifFile == "" || uploaded != sarifFile {
		t.Fatalf("want a `tflint --recursive ... > file` step whose file the upload-sarif step sends; lint writes %q, upload sends %q", sarifFile, uploaded)
	}
	if !cached {
		t.Error("want the plugin folder ~/.tflint.d/plugins cached under a key that hashes .tflint.hcl")
	}

	runJobVariants(t, "step", lintStep, func(t *testing.T, root string) (string, int, int) {
		return runCISteps(t, []string{bash, "-e", "-c"}, root, steps)
	}, func(t *testing.T, root, variant string) {
		checkSARIF(t, filepath.Join(root, sarifFile), variant)
	})
}

// checkSARIF checks a SARIF report holds the planted finding, at the changed module's
// file, or no fargate result for the clean repository.
func checkSARIF(t *testing.T, file, variant string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var report struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(data, &report); err != nil {
		t.Fatalf("%s is not SARIF: %v\n%s", file, err, data)
	}
	var found []string
	for _, r := range report.Runs {
		for _, res := range r.Results {
			if strings.HasPrefix(res.RuleID, "fargate_") && len(res.Locations) > 0 {
				found = append(found, res.RuleID+" "+res.Locations[0].PhysicalLocation.ArtifactLocation.URI)
			}
		}
	}
	want := []string{}
	if variant == "mistake" {
		want = []string{plantedRule + " " + changedModule + "/main.tf"}
	}
	if len(found) != len(want) || (len(want) == 1 && !strings.HasSuffix(filepath.ToSlash(found[0]), want[0])) {
		t.Errorf("SARIF results %q, want %q", found, want)
	}
}

// TestIntegrationGitLabCI runs the script of the documented job line by line, as the
// runner does (sh, in the project folder, stopping at the first failing line), and
// checks the JUnit report GitLab reads names the finding.
func TestIntegrationGitLabCI(t *testing.T) {
	sh := needPOSIXShell(t, "sh")
	var pipeline map[string]struct {
		Script    []string
		Artifacts struct {
			When    string
			Reports struct{ JUnit string }
		}
	}
	if err := yaml.Unmarshal([]byte(snippet(t, "gitlab-ci")), &pipeline); err != nil {
		t.Fatalf("the gitlab-ci snippet is not YAML: %v", err)
	}
	job, ok := pipeline["tflint"]
	if !ok {
		t.Fatal("the gitlab-ci snippet has no tflint job")
	}
	report := job.Artifacts.Reports.JUnit
	if job.Artifacts.When != "always" || report == "" {
		t.Fatalf("want a JUnit report kept when the job fails (when: always), got %+v", job.Artifacts)
	}
	var steps []ciStep
	lintStep := -1
	for _, line := range job.Script {
		if strings.Contains(line, "--recursive") && strings.HasSuffix(line, "> "+report) {
			lintStep = len(steps)
		}
		steps = append(steps, ciStep{run: line})
	}
	if lintStep < 0 {
		t.Fatalf("no `tflint --recursive ... > %s` line in the script", report)
	}

	runJobVariants(t, "line", lintStep, func(t *testing.T, root string) (string, int, int) {
		return runCISteps(t, []string{sh, "-e", "-c"}, root, steps)
	}, func(t *testing.T, root, variant string) {
		checkJUnit(t, filepath.Join(root, report), variant)
	})
}

// checkJUnit checks a JUnit report has one failure, for the planted finding in the
// changed module, or none for the clean repository.
func checkJUnit(t *testing.T, file, variant string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var report struct {
		Suites []struct {
			Cases []struct {
				ClassName string `xml:"classname,attr"`
				Name      string `xml:"name,attr"`
				Failure   *struct {
					Message string `xml:"message,attr"`
					Text    string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(data, &report); err != nil {
		t.Fatalf("%s is not JUnit XML: %v\n%s", file, err, data)
	}
	var failures []string
	for _, s := range report.Suites {
		for _, c := range s.Cases {
			if c.Failure != nil {
				failures = append(failures, strings.Join([]string{c.ClassName, c.Name, c.Failure.Message, c.Failure.Text}, " "))
			}
		}
	}
	switch {
	case variant == "clean" && len(failures) != 0:
		t.Errorf("JUnit failures on a clean repository: %q", failures)
	case variant == "mistake" && (len(failures) != 1 || !strings.Contains(failures[0], plantedRule) ||
		!strings.Contains(failures[0], plantedMessage) || !strings.Contains(failures[0], changedModule+"/main.tf")):
		t.Errorf("want one JUnit failure naming %s, %q and %s/main.tf, got %q", plantedRule, plantedMessage, changedModule, failures)
	}
}

// TestIntegrationEditors starts the language server as the documented editor settings
// do and checks it reports the planted mistake in a module subfolder: VS Code's client
// starts `tflint --langserver` in the workspace folder (the repository root), Neovim's
// setting starts it in the root marker folder, and JetBrains' command names the
// configuration explicitly, so it works wherever the server starts.
func TestIntegrationEditors(t *testing.T) {
	var vscode map[string]any
	if err := json.Unmarshal([]byte(snippet(t, "vscode")), &vscode); err != nil {
		t.Fatalf("the vscode snippet is not JSON: %v", err)
	}
	var vscodeArgs []string
	list, _ := vscode["glspc.server.commandArguments"].([]any)
	for _, a := range list {
		s, _ := a.(string)
		vscodeArgs = append(vscodeArgs, s)
	}
	if vscode["glspc.server.command"] != "tflint" || len(vscodeArgs) == 0 || vscodeArgs[0] != "--langserver" {
		t.Fatalf("the VS Code settings must start `tflint --langserver`, got %v", vscode)
	}
	nvim := snippet(t, "neovim")
	for _, want := range []string{"{ 'tflint', '--langserver' }", "cwd = config and config.root_dir", "root_markers = { '.tflint.hcl', '.git' }"} {
		if !strings.Contains(nvim, want) {
			t.Errorf("the Neovim snippet lacks %q", want)
		}
	}
	jetbrains := strings.Fields(snippet(t, "jetbrains"))
	if len(jetbrains) < 2 || jetbrains[0] != "tflint" || jetbrains[1] != "--langserver" {
		t.Fatalf("the JetBrains command must start `tflint --langserver`, got %q", jetbrains)
	}

	root := integrationRepo(t, "mistake")
	if got := rootByMarkers(filepath.Join(root, filepath.FromSlash(changedModule)), ".tflint.hcl", ".git"); got != root {
		t.Errorf("Neovim's root markers find %s for a file of %s, want the repository root %s", got, changedModule, root)
	}
	elsewhere := t.TempDir()
	for _, server := range []struct {
		name string
		args []string
		dir  string
	}{
		{"VS Code (and Neovim), started in the workspace folder", vscodeArgs, root},
		{"JetBrains, started in another folder", replaceAll(jetbrains[1:], "$PROJECT_DIR$", filepath.ToSlash(root)), elsewhere},
	} {
		diags := editorDiagnostics(t, server.args, server.dir, root, changedModule+"/main.tf")
		if !slices.ContainsFunc(diags, func(d lspDiagnostic) bool { return strings.HasPrefix(d.Message, plantedMessage) }) {
			t.Errorf("%s: no diagnostic %q among %v", server.name, plantedMessage, diags)
		}
	}
}

func replaceAll(words []string, old, new string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = strings.ReplaceAll(w, old, new)
	}
	return out
}

// rootByMarkers returns the nearest folder from dir upwards holding one of the markers, as
// Neovim's root_markers finds a root.
func rootByMarkers(dir string, markers ...string) string {
	for d := dir; ; d = filepath.Dir(d) {
		for _, m := range markers {
			if _, err := os.Stat(filepath.Join(d, m)); err == nil {
				return d
			}
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// editorDiagnostics starts `tflint args...` in dir as an editor does for a workspace at
// root, opens root/file and returns the diagnostics published for it.
func editorDiagnostics(t *testing.T, args []string, dir, root, file string) []lspDiagnostic {
	t.Helper()
	return openInEditor(t, tflintPath(t), integrationEnv(t), args, dir, root, file)
}

// TestDocsReadmeDemoOutput checks the example output in the README is what `make demo`
// prints: it runs tflint over examples/demo with the arguments of the Makefile's demo
// recipe and looks for the README's block in the output.
func TestDocsReadmeDemoOutput(t *testing.T) {
	makefile, err := os.ReadFile("Makefile")
	if err != nil {
		t.Fatal(err)
	}
	recipe := regexp.MustCompile(`(?m)^demo:.*\n(?:\t.*\n)*?\t@?cd (\S+) && TFLINT_PLUGIN_DIR=\S+ \$\(TFLINT\) ([^;\n]*);`).FindSubmatch(makefile)
	if recipe == nil {
		t.Fatal("the Makefile's demo recipe has no `cd <dir> && TFLINT_PLUGIN_DIR=... $(TFLINT) <args>;` line")
	}
	cmd := exec.Command(tflintPath(t), strings.Fields(string(recipe[2]))...)
	cmd.Dir = filepath.FromSlash(string(recipe[1]))
	cmd.Env = append(os.Environ(), "TFLINT_PLUGIN_DIR="+buildPlugin(t))
	out, _ := cmd.Output() // exit 2: the demo's mistakes are found
	want := docBlock(t, "README.md", "<!-- demo-output -->")
	if !strings.Contains(string(out), want) {
		t.Errorf("README.md's example output is not in what `make demo` prints.\nREADME:\n%s\nmake demo:\n%s", want, out)
	}
}

// runJobVariants runs a documented CI job (run runs its steps in a repository) on a
// repository with a planted mistake and on a clean one, in parallel subtests: the job
// must fail at the lint step, whose index is lintStep, on the mistake and pass on the
// clean repository; check then reads the report the job wrote. unit names the job's
// steps in messages ("step", "line").
func runJobVariants(t *testing.T, unit string, lintStep int, run func(t *testing.T, root string) (string, int, int), check func(t *testing.T, root, variant string)) {
	for _, variant := range []string{"mistake", "clean"} {
		t.Run(variant, func(t *testing.T) {
			t.Parallel()
			root := integrationRepo(t, variant)
			out, failed, code := run(t, root)
			switch {
			case variant == "mistake" && failed < 0:
				t.Fatalf("the job passed on a planted mistake:\n%s", out)
			case variant == "mistake" && failed != lintStep:
				t.Fatalf("want the lint %s to fail the job, %s %d failed (exit %d):\n%s", unit, unit, failed, code, out)
			case variant == "clean" && failed >= 0:
				t.Fatalf("%s %d failed on a clean repository (exit %d):\n%s", unit, failed, code, out)
			}
			check(t, root, variant)
		})
	}
}
