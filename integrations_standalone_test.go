package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/fargate-lint/tflint-ruleset-fargate/project"
)

// The tests in this file run the standalone forms of docs/integrations.md ("Without
// tflint") on the same repositories as integrations_test.go. The one change to what
// users run: the line that installs the binary (`go install ...`) is checked and left
// out, since the binary under test is already on the PATH.

// modulePath is the Go module users install.
const modulePath = "github.com/fargate-lint/tflint-ruleset-fargate"

// installLine matches the documented install command.
var installLine = regexp.MustCompile(`^go install ` + regexp.QuoteMeta(modulePath) + `@(\S+)$`)

// standaloneIntegrationEnv is the environment the documented commands run in: the binary
// this test run built is first on the PATH, started without tflint's handshake variable.
func standaloneIntegrationEnv(t *testing.T) []string {
	t.Helper()
	var env []string
	for _, kv := range standaloneEnv() {
		key, _, _ := strings.Cut(kv, "=")
		switch strings.ToUpper(key) {
		case "PATH", "TFLINT_CONFIG_FILE", "TFLINT_PLUGIN_DIR":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "PATH="+filepath.Dir(standaloneBinary(t))+string(os.PathListSeparator)+os.Getenv("PATH"))
}

// installStep reports whether a CI line is the documented install command, and checks
// it installs this module at this version or the latest.
func installStep(t *testing.T, line string) bool {
	t.Helper()
	m := installLine.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return false
	}
	if m[1] != "v"+project.Version && m[1] != "latest" {
		t.Errorf("the snippet installs %s@%s, want v%s or latest", modulePath, m[1], project.Version)
	}
	return true
}

// checkNoTFLint fails when a command runs tflint itself: these forms are without it.
func checkNoTFLint(t *testing.T, command string) {
	t.Helper()
	if regexp.MustCompile(`(^|[\s'"(])tflint(\s|$)`).MatchString(command) {
		t.Errorf("a form without tflint runs tflint: %q", command)
	}
}

// runStandaloneSteps runs CI lines in order with shell, stopping at the first failure, and
// returns the output, the failing line (-1 if none) and its exit code.
func runStandaloneSteps(t *testing.T, shell []string, dir string, steps []string) (string, int, int) {
	t.Helper()
	var output strings.Builder
	for i, step := range steps {
		cmd := exec.Command(shell[0], append(shell[1:], step)...)
		cmd.Dir, cmd.Env = dir, standaloneIntegrationEnv(t)
		out, code := run(t, cmd)
		output.WriteString("$ " + step + "\n" + out)
		if code != 0 {
			return output.String(), i, code
		}
	}
	return output.String(), -1, 0
}

// TestIntegrationStandalonePreCommit runs the documented local hook's entry in the
// repository root, and pre-commit itself when it is installed.
func TestIntegrationStandalonePreCommit(t *testing.T) {
	testLocalHook(t, "pre-commit-standalone", standaloneIntegrationEnv, checkNoTFLint)
}

// TestIntegrationStandaloneGitHubActions runs the shell steps of the documented workflow
// as ubuntu-latest runs them, and checks the SARIF report the upload step sends.
func TestIntegrationStandaloneGitHubActions(t *testing.T) {
	bash := needPOSIXShell(t, "bash")
	var steps []string
	lintStep, sarifFile, uploaded, installed, goSetUp := -1, "", "", false, false
	for _, s := range workflowSteps(t, "github-actions-standalone") {
		switch {
		case s.Run != "" && installStep(t, s.Run):
			installed = goSetUp
		case s.Run != "":
			checkNoTFLint(t, s.Run)
			if strings.Contains(s.Run, "--recursive") {
				lintStep = len(steps)
				if _, file, ok := strings.Cut(s.Run, "> "); ok {
					sarifFile = strings.TrimSpace(file)
				}
			}
			steps = append(steps, s.Run)
		case strings.HasPrefix(s.Uses, "actions/setup-go@"):
			goSetUp = true
		case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
			uploaded = s.With["sarif_file"]
			checkSARIFUpload(t, s)
		}
	}
	if !installed {
		t.Error("want the binary installed with go install after actions/setup-go")
	}
	if lintStep < 0 || sarifFile == "" || uploaded != sarifFile {
		t.Fatalf("want a `tflint-ruleset-fargate --recursive ... > file` step whose file the upload-sarif step sends; lint writes %q, upload sends %q", sarifFile, uploaded)
	}
	runJobVariants(t, "step", lintStep, func(t *testing.T, root string) (string, int, int) {
		return runStandaloneSteps(t, []string{bash, "-e", "-c"}, root, steps)
	}, func(t *testing.T, root, variant string) {
		checkSARIF(t, filepath.Join(root, sarifFile), variant)
	})
}

// TestIntegrationStandaloneGitLabCI runs the script of the documented job line by line,
// and checks the JUnit report GitLab reads.
func TestIntegrationStandaloneGitLabCI(t *testing.T) {
	sh := needPOSIXShell(t, "sh")
	var pipeline map[string]struct {
		Image     string
		Script    []string
		Artifacts struct {
			When    string
			Reports struct{ JUnit string }
		}
	}
	if err := yaml.Unmarshal([]byte(snippet(t, "gitlab-ci-standalone")), &pipeline); err != nil {
		t.Fatalf("the gitlab-ci-standalone snippet is not YAML: %v", err)
	}
	if len(pipeline) != 1 {
		t.Fatalf("want one job, got %d", len(pipeline))
	}
	for _, job := range pipeline {
		report := job.Artifacts.Reports.JUnit
		if job.Artifacts.When != "always" || report == "" {
			t.Fatalf("want a JUnit report kept when the job fails (when: always), got %+v", job.Artifacts)
		}
		if !strings.HasPrefix(job.Image, "golang:") {
			t.Errorf("the job's image %q has no Go for go install", job.Image)
		}
		var steps []string
		lintStep, installed := -1, false
		for _, line := range job.Script {
			if installStep(t, line) {
				installed = true
				continue
			}
			checkNoTFLint(t, line)
			if strings.Contains(line, "--recursive") && strings.HasSuffix(line, "> "+report) {
				lintStep = len(steps)
			}
			steps = append(steps, line)
		}
		if !installed || lintStep < 0 {
			t.Fatalf("want a go install line and a `tflint-ruleset-fargate --recursive ... > %s` line in the script", report)
		}
		runJobVariants(t, "line", lintStep, func(t *testing.T, root string) (string, int, int) {
			return runStandaloneSteps(t, []string{sh, "-e", "-c"}, root, steps)
		}, func(t *testing.T, root, variant string) {
			checkJUnit(t, filepath.Join(root, report), variant)
		})
	}
}
