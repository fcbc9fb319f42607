package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// config is the .tflint.hcl every run uses: every module followed, tflint's own
// terraform rules off, the plugin with all its rules.
const config = `config {
  call_module_type = "all"
}

plugin "terraform" {
  enabled = false
}

plugin "fargate" {
  enabled = true
  preset  = "all"
}
`

// linter runs tflint with the plugin, or the plugin's binary on its own.
type linter struct {
	Name      string // "tflint" or "standalone"
	Bin       string
	PluginDir string // TFLINT_PLUGIN_DIR for tflint
	Config    string // absolute path of the .tflint.hcl above
}

// issue is one finding as tflint's JSON format reports it.
type issue struct {
	Rule     string
	Severity string
	Message  string
	File     string // relative to the linted folder
	Line     int
	EndLine  int
}

// String prints the finding on one line.
func (i issue) String() string {
	return fmt.Sprintf("%s:%d %s: %s", i.File, i.Line, i.Rule, i.Message)
}

// jsonReport is tflint's --format json.
type jsonReport struct {
	Issues []struct {
		Rule struct {
			Name     string `json:"name"`
			Severity string `json:"severity"`
		} `json:"rule"`
		Message string `json:"message"`
		Range   struct {
			Filename string             `json:"filename"`
			Start    struct{ Line int } `json:"start"`
			End      struct{ Line int } `json:"end"`
		} `json:"range"`
	} `json:"issues"`
	Errors []struct {
		Message string `json:"message"`
		Summary string `json:"summary"`
	} `json:"errors"`
}

// run lints dir (with --recursive when asked) and returns the findings sorted, and the
// errors the linter reported.
func (l linter) run(dir string, recursive bool, extra ...string) ([]issue, []string, error) {
	args := append([]string{"--config", l.Config, "--format", "json", "--force"}, extra...)
	if recursive {
		args = append(args, "--recursive")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, l.Bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TFLINT_PLUGIN_DIR="+l.PluginDir, "TFLINT_LOG=")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var rep jsonReport
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if runErr != nil {
			msg = runErr.Error() + ": " + msg
		}
		return nil, nil, fmt.Errorf("%s in %s: no JSON report: %s", l.Name, dir, firstLine(msg))
	}
	var issues []issue
	for _, i := range rep.Issues {
		f := filepath.ToSlash(filepath.Clean(i.Range.Filename))
		if filepath.IsAbs(i.Range.Filename) {
			if rel, err := filepath.Rel(dir, i.Range.Filename); err == nil {
				f = filepath.ToSlash(rel)
			}
		}
		issues = append(issues, issue{
			Rule: i.Rule.Name, Severity: i.Rule.Severity, Message: i.Message,
			File: f, Line: i.Range.Start.Line, EndLine: i.Range.End.Line,
		})
	}
	sort.Slice(issues, func(a, b int) bool { return issues[a].String() < issues[b].String() })
	var errs []string
	for _, e := range rep.Errors {
		errs = append(errs, firstLine(e.Summary+" "+e.Message))
	}
	return issues, errs, nil
}

// firstLine keeps the first line of a message, shortened.
func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	if len(s) > 300 {
		s = s[:300] + "..."
	}
	return s
}

// setupLinters writes the configuration and the plugin folder into work and returns
// tflint with the plugin and the standalone binary.
func setupLinters(work, tflint, plugin string) ([]linter, error) {
	pluginDir := filepath.Join(work, "plugins")
	if err := copyFile(plugin, filepath.Join(pluginDir, "tflint-ruleset-fargate")); err != nil {
		return nil, err
	}
	if err := os.Chmod(filepath.Join(pluginDir, "tflint-ruleset-fargate"), 0o755); err != nil {
		return nil, err
	}
	cfg := filepath.Join(work, "tflint.hcl")
	if err := os.WriteFile(cfg, []byte(config), 0o644); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(plugin)
	if err != nil {
		return nil, err
	}
	tflintAbs, err := filepath.Abs(tflint)
	if err != nil {
		return nil, err
	}
	return []linter{
		{Name: "tflint", Bin: tflintAbs, PluginDir: pluginDir, Config: cfg},
		{Name: "standalone", Bin: abs, PluginDir: pluginDir, Config: cfg},
	}, nil
}

// sameIssues reports whether two sorted finding lists are the same.
func sameIssues(a, b []issue) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].String() != b[i].String() {
			return false
		}
	}
	return true
}
