package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The tests in this file run the pull-request annotation routes of docs/integrations.md
// (problem matchers, reviewdog, GitLab code quality) on the repositories of
// integrations_test.go, with tflint and with the standalone binary, and check that what
// the route reads from the lint step carries the planted finding's file, line, column,
// severity, message and rule.

// setupTFLintMatcher is the pattern of the problem matcher setup-tflint registers for
// tflint's compact format (terraform-linters/setup-tflint, .github/matchers.json, owner
// tflint-compact), with its groups: file, line, column, severity, message, code.
var setupTFLintMatcher = regexp.MustCompile(`^(.+):(\d+):(\d+):\s(Error|Warning|Notice)\s-\s(.+)\s\((.+)\)$`)

// annotation is what a route reads from one finding.
type annotation struct {
	file, line, column, severity, message, code string
}

// matchAnnotations applies a problem matcher's pattern to every line of output.
func matchAnnotations(pattern *regexp.Regexp, output string) []annotation {
	var out []annotation
	for _, line := range strings.Split(output, "\n") {
		if m := pattern.FindStringSubmatch(strings.TrimRight(line, "\r")); m != nil {
			out = append(out, annotation{m[1], m[2], m[3], m[4], m[5], m[6]})
		}
	}
	return out
}

// checkAnnotations requires the planted finding, and only it, on the mistake repository,
// and nothing on the clean one.
func checkAnnotations(t *testing.T, route, variant string, got []annotation) {
	t.Helper()
	if variant == "clean" {
		if len(got) > 0 {
			t.Errorf("%s: annotations on a clean repository: %+v", route, got)
		}
		return
	}
	if len(got) != 1 {
		t.Fatalf("%s: want one annotation, for the planted finding, got %+v", route, got)
	}
	a := got[0]
	if filepath.ToSlash(a.file) != changedModule+"/main.tf" || a.line == "" || a.line == "0" || a.column == "" || a.column == "0" ||
		a.severity != "Error" || !strings.HasPrefix(a.message, plantedMessage) || a.code != plantedRule {
		t.Errorf("%s: annotation %+v, want %s/main.tf, a line and column, Error, %q..., %s", route, a, changedModule, plantedMessage, plantedRule)
	}
}

// stepResult is the outcome of one step of a documented job.
type stepResult struct {
	run         string
	output      string
	code        int
	ran         bool
	checkstyle  string // what the lint side of a `| reviewdog` step printed
	reviewdogRe bool   // whether reviewdog itself ran
}

// runSteps runs the shell steps of a documented workflow in dir, as a runner does (bash
// with -e and pipefail, a failed step skips the next ones but those under
// `if: !cancelled()` or `always()`), and returns each step's outcome. A step that pipes
// into reviewdog runs its lint side as written, its report kept, and reviewdog when it is
// installed (with its local reporter; the pull-request one needs GitHub).
func runSteps(t *testing.T, dir string, env []string, steps []workflowStep, skip func(workflowStep) bool) []stepResult {
	t.Helper()
	bash := needPOSIXShell(t, "bash")
	failed := false
	var results []stepResult
	for _, s := range steps {
		if s.Run == "" || skip(s) {
			continue
		}
		r := stepResult{run: s.Run}
		if failed && !strings.Contains(s.If, "!cancelled()") && !strings.Contains(s.If, "always()") {
			results = append(results, r)
			continue
		}
		r.ran = true
		command := s.Run
		if lint, review, piped := strings.Cut(s.Run, "| reviewdog "); piped {
			report := filepath.Join(t.TempDir(), "checkstyle.xml")
			command = strings.TrimSpace(lint) + " > " + report
			if _, err := exec.LookPath("reviewdog"); err == nil {
				review = strings.NewReplacer("-reporter=github-pr-review", "-reporter=local", "-filter-mode=added", "-filter-mode=nofilter").Replace(review)
				command = "set +e; " + command + "; status=$?; reviewdog " + review + " < " + report + " || exit 1; exit $status"
				r.reviewdogRe = true
			}
			cmd := exec.Command(bash, "-e", "-o", "pipefail", "-c", command)
			cmd.Dir, cmd.Env = dir, env
			r.output, r.code = run(t, cmd)
			data, _ := os.ReadFile(report)
			r.checkstyle = string(data)
		} else {
			cmd := exec.Command(bash, "-e", "-o", "pipefail", "-c", command)
			cmd.Dir, cmd.Env = dir, env
			r.output, r.code = run(t, cmd)
		}
		if r.code != 0 {
			failed = true
		}
		results = append(results, r)
	}
	return results
}

// checkstyleAnnotations reads a checkstyle report as reviewdog's checkstyle parser does
// (each file's name, each error's line, column, severity, message and source).
func checkstyleAnnotations(t *testing.T, report string) []annotation {
	t.Helper()
	var cs struct {
		Files []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     string `xml:"line,attr"`
				Column   string `xml:"column,attr"`
				Severity string `xml:"severity,attr"`
				Message  string `xml:"message,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal([]byte(report), &cs); err != nil {
		t.Fatalf("the checkstyle report does not parse: %v\n%s", err, report)
	}
	var out []annotation
	for _, f := range cs.Files {
		for _, e := range f.Errors {
			severity := map[string]string{"error": "Error", "warning": "Warning", "info": "Notice"}[e.Severity]
			out = append(out, annotation{f.Name, e.Line, e.Column, severity, e.Message, e.Source})
		}
	}
	return out
}

// lintStepOf returns the result of the one step whose command contains marker.
func lintStepOf(t *testing.T, results []stepResult, marker string) stepResult {
	t.Helper()
	for _, r := range results {
		if strings.Contains(r.run, marker) {
			return r
		}
	}
	t.Fatalf("no step runs %q", marker)
	return stepResult{}
}

// checkLintFailure requires the lint step to fail (exit 2) on the mistake and pass on the
// clean repository.
func checkLintFailure(t *testing.T, variant string, r stepResult) {
	t.Helper()
	switch {
	case !r.ran:
		t.Fatalf("the lint step %q did not run", r.run)
	case variant == "mistake" && r.code != 2:
		t.Errorf("the lint step exits %d on the planted mistake, want 2:\n%s", r.code, r.output)
	case variant == "clean" && r.code != 0:
		t.Errorf("the lint step exits %d on a clean repository:\n%s", r.code, r.output)
	}
}

// TestIntegrationAnnotationsProblemMatcher runs the documented setup-tflint job and
// requires every finding line of its compact output to match setup-tflint's problem
// matcher, with the planted finding's file, line, column, severity, message and rule.
func TestIntegrationAnnotationsProblemMatcher(t *testing.T) {
	steps := workflowSteps(t, "github-actions-annotations")
	setup := false
	for _, s := range steps {
		setup = setup || strings.HasPrefix(s.Uses, "terraform-linters/setup-tflint@")
	}
	if !setup {
		t.Fatal("the workflow does not use setup-tflint, which registers the problem matcher")
	}
	for _, variant := range []string{"mistake", "clean"} {
		t.Run(variant, func(t *testing.T) {
			t.Parallel()
			root := integrationRepo(t, variant)
			results := runSteps(t, root, integrationEnv(t), steps, func(workflowStep) bool { return false })
			lint := lintStepOf(t, results, "--format compact")
			checkLintFailure(t, variant, lint)
			checkAnnotations(t, "setup-tflint's matcher", variant, matchAnnotations(setupTFLintMatcher, lint.output))
		})
	}
}

// TestIntegrationAnnotationsReviewdog runs the documented reviewdog job with tflint: the
// lint side of its pipe as written, and reviewdog when it is installed; the checkstyle
// report reviewdog reads must carry the planted finding.
func TestIntegrationAnnotationsReviewdog(t *testing.T) {
	steps := workflowSteps(t, "github-actions-reviewdog")
	for _, variant := range []string{"mistake", "clean"} {
		t.Run(variant, func(t *testing.T) {
			t.Parallel()
			root := integrationRepo(t, variant)
			results := runSteps(t, root, integrationEnv(t), steps, func(workflowStep) bool { return false })
			lint := lintStepOf(t, results, "| reviewdog")
			checkLintFailure(t, variant, lint)
			checkAnnotations(t, "reviewdog's checkstyle input", variant, checkstyleAnnotations(t, lint.checkstyle))
			if !lint.reviewdogRe {
				t.Log("reviewdog is not installed: its input was checked, reviewdog itself did not run")
			}
		})
	}
}

// TestIntegrationAnnotationsStandalone runs the documented standalone job: its problem
// matcher (the documented file) must read the compact output as setup-tflint's does, and
// the reviewdog step's checkstyle report must carry the planted finding.
func TestIntegrationAnnotationsStandalone(t *testing.T) {
	var matcher struct {
		ProblemMatcher []struct {
			Owner   string
			Pattern []struct {
				Regexp                                      string
				File, Line, Column, Severity, Message, Code int
			}
		}
	}
	if err := json.Unmarshal([]byte(snippet(t, "problem-matcher-standalone")), &matcher); err != nil {
		t.Fatalf("the problem matcher is not JSON: %v", err)
	}
	if len(matcher.ProblemMatcher) != 1 || len(matcher.ProblemMatcher[0].Pattern) != 1 {
		t.Fatalf("want one matcher of one pattern, got %+v", matcher)
	}
	p := matcher.ProblemMatcher[0].Pattern[0]
	if [6]int{p.File, p.Line, p.Column, p.Severity, p.Message, p.Code} != [6]int{1, 2, 3, 4, 5, 6} {
		t.Fatalf("the matcher's groups are not file, line, column, severity, message, code in order: %+v", p)
	}
	pattern, err := regexp.Compile(p.Regexp)
	if err != nil {
		t.Fatalf("the matcher's regexp: %v", err)
	}
	steps := workflowSteps(t, "github-actions-annotations-standalone")
	registered := false
	for _, s := range steps {
		if strings.Contains(s.Run, "::add-matcher::") {
			registered = true
		}
	}
	if !registered {
		t.Error("the workflow does not register the problem matcher")
	}
	for _, variant := range []string{"mistake", "clean"} {
		t.Run(variant, func(t *testing.T) {
			t.Parallel()
			root := integrationRepo(t, variant)
			results := runSteps(t, root, standaloneIntegrationEnv(t), steps, func(s workflowStep) bool { return installStep(t, s.Run) })
			for _, r := range results {
				checkNoTFLint(t, r.run)
			}
			compact := lintStepOf(t, results, "--format compact")
			checkLintFailure(t, variant, compact)
			checkAnnotations(t, "the documented matcher", variant, matchAnnotations(pattern, compact.output))
			checkAnnotations(t, "setup-tflint's matcher", variant, matchAnnotations(setupTFLintMatcher, compact.output))
			review := lintStepOf(t, results, "| reviewdog")
			checkLintFailure(t, variant, review)
			checkAnnotations(t, "reviewdog's checkstyle input", variant, checkstyleAnnotations(t, review.checkstyle))
		})
	}
}

// TestIntegrationAnnotationsGitLabCodeQuality runs the documented GitLab job line by line
// and checks its code quality report has what GitLab requires of each issue
// (description, check_name, fingerprint, severity, location.path, a line), unique
// fingerprints, and the planted finding.
func TestIntegrationAnnotationsGitLabCodeQuality(t *testing.T) {
	sh := needPOSIXShell(t, "sh")
	var pipeline map[string]struct {
		Script    []string
		Artifacts struct {
			When    string
			Reports struct{ CodeQuality string }
		}
	}
	if err := yaml.Unmarshal([]byte(snippet(t, "gitlab-ci-codequality")), &pipeline); err != nil {
		t.Fatalf("the gitlab-ci-codequality snippet is not YAML: %v", err)
	}
	if len(pipeline) != 1 {
		t.Fatalf("want one job, got %d", len(pipeline))
	}
	for _, job := range pipeline {
		report := job.Artifacts.Reports.CodeQuality
		if job.Artifacts.When != "always" || report == "" {
			t.Fatalf("want a code quality report kept when the job fails (when: always), got %+v", job.Artifacts)
		}
		var steps []string
		lintStep := -1
		for _, line := range job.Script {
			if installStep(t, line) {
				continue
			}
			checkNoTFLint(t, line)
			if strings.Contains(line, "--format codeclimate") && strings.HasSuffix(line, "> "+report) {
				lintStep = len(steps)
			}
			steps = append(steps, line)
		}
		if lintStep < 0 {
			t.Fatalf("no `tflint-ruleset-fargate ... --format codeclimate > %s` line in the script", report)
		}
		runJobVariants(t, "line", lintStep, func(t *testing.T, root string) (string, int, int) {
			return runStandaloneSteps(t, []string{sh, "-e", "-c"}, root, steps)
		}, func(t *testing.T, root, variant string) {
			checkCodeQuality(t, filepath.Join(root, report), variant)
		})
	}
}

// checkCodeQuality checks a Code Climate report as GitLab reads it.
func checkCodeQuality(t *testing.T, file, variant string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var issues []struct {
		Description string `json:"description"`
		CheckName   string `json:"check_name"`
		Fingerprint string `json:"fingerprint"`
		Severity    string `json:"severity"`
		Location    struct {
			Path  string `json:"path"`
			Lines *struct {
				Begin int `json:"begin"`
			} `json:"lines"`
			Positions *struct {
				Begin struct{ Line, Column int } `json:"begin"`
			} `json:"positions"`
		} `json:"location"`
	}
	if err := json.Unmarshal(data, &issues); err != nil {
		t.Fatalf("%s is not a JSON array of issues: %v\n%s", file, err, data)
	}
	fingerprints := map[string]bool{}
	var got []annotation
	for _, is := range issues {
		line, column := 0, 0
		if is.Location.Lines != nil {
			line = is.Location.Lines.Begin
		}
		if is.Location.Positions != nil {
			line, column = is.Location.Positions.Begin.Line, is.Location.Positions.Begin.Column
		}
		switch {
		case is.Description == "" || is.CheckName == "" || is.Fingerprint == "" || is.Location.Path == "" || line == 0:
			t.Errorf("an issue without a required field: %+v", is)
		case !strings.Contains("info minor major critical blocker", is.Severity) || is.Severity == "":
			t.Errorf("severity %q is not one of info, minor, major, critical, blocker", is.Severity)
		case fingerprints[is.Fingerprint]:
			t.Errorf("fingerprint %s appears twice", is.Fingerprint)
		case filepath.IsAbs(is.Location.Path) || strings.HasPrefix(is.Location.Path, ".."):
			t.Errorf("path %q is not relative to the repository root", is.Location.Path)
		}
		fingerprints[is.Fingerprint] = true
		severity := map[string]string{"major": "Error", "minor": "Warning", "info": "Notice"}[is.Severity]
		got = append(got, annotation{is.Location.Path, itoa(line), itoa(column), severity, is.Description, is.CheckName})
	}
	checkAnnotations(t, "GitLab's code quality report", variant, got)
}

// itoa writes a number, "" for zero.
func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
