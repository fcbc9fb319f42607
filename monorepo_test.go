package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/fargate-lint/tflint-ruleset-fargate/internal/monorepo"
)

// TestStandaloneMonorepoMatchesTFLint lints a generated repository of many folders
// (package monorepo: shared local modules called from several folders, OpenTofu-only
// folders, nested roots, folders Terraform rejects) with --recursive, through tflint with
// the plugin and through the standalone linter, and requires the same JSON report:
// the same issues, the same errors and the same exit status, with one worker and with
// the default number. Both are compared as sets: tflint lists failed folders in the
// order its workers finish, and sorts issues by place and message only, so two findings
// of one place (a shared module's, reached from two folders) come in either order.
func TestStandaloneMonorepoMatchesTFLint(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := monorepo.Files(monorepo.Options{Teams: 4, Broken: true})
	files[".tflint.hcl"] = "plugin \"terraform\" {\n  enabled = false\n}\n\nplugin \"fargate\" {\n  enabled = true\n  preset  = \"all\"\n}\n"
	if err := monorepo.Write(dir, files); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(dir, ".tflint.hcl")
	for _, args := range [][]string{
		{"--recursive", "--max-workers=1"},
		{"--recursive"},
		{"--recursive", "--chdir=modules"},
		{"--recursive", "--chdir=tofu"},
		{"--chdir=tofu/only"},
		{"--chdir=tofu/mixed"},
		{"--chdir=modules/service/tests/undeclared"},
		{"--chdir=modules/service/tests/missing-file"},
		{"--chdir=envs/missing-nested-module"},
		{"--chdir=envs/syntax-error"},
	} {
		args := append(args, "--config="+config, "--format=json")
		tf, sa, tfCode, saCode := runBoth(t, dir, dir, args)
		tfReport, saReport := monorepoReport(t, "tflint", tf), monorepoReport(t, "the standalone linter", sa)
		if diff := cmp.Diff(tfReport, saReport); diff != "" {
			t.Errorf("%v: reports differ (-tflint +standalone):\n%s", args, diff)
		}
		if tfCode != saCode {
			t.Errorf("%v: exit status: tflint %d, standalone %d", args, tfCode, saCode)
		}
		if len(tfReport.Issues) == 0 && args[0] == "--recursive" {
			t.Errorf("%v: no findings at all: the fixture no longer exercises the rules", args)
		}
	}
}

// TestStandaloneMonorepoDefaultFormat runs the generated repository with --recursive in
// the default format, in which tflint prints each failed folder at once on stderr and,
// when one failed, no issues: both ways must print the same (the failed folders compared
// as a set, in the order their workers finish in tflint).
func TestStandaloneMonorepoDefaultFormat(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := monorepo.Files(monorepo.Options{Teams: 2, Broken: true})
	files[".tflint.hcl"] = "plugin \"terraform\" {\n  enabled = false\n}\n\nplugin \"fargate\" {\n  enabled = true\n}\n"
	if err := monorepo.Write(dir, files); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"default", "compact"} {
		args := []string{"--recursive", "--config=" + filepath.Join(dir, ".tflint.hcl"), "--format=" + format}
		cmd := exec.Command(tflintPath(t), args...)
		cmd.Env = append(standaloneEnv(), "TFLINT_PLUGIN_DIR="+buildPlugin(t))
		tfOut, tfErr, tfCode := runCommand(t, cmd, dir)
		cmd = exec.Command(standaloneBinary(t), args...)
		cmd.Env = standaloneEnv()
		saOut, saErr, saCode := runCommand(t, cmd, dir)
		if tfCode != saCode {
			t.Errorf("%s: exit status: tflint %d, standalone %d", format, tfCode, saCode)
		}
		if diff := cmp.Diff(sortedLines(string(tfOut)), sortedLines(string(saOut))); diff != "" {
			t.Errorf("%s: stdout differs (-tflint +standalone):\n%s", format, diff)
		}
		folders := func(stderr string) []string {
			parts := strings.Split(strings.ReplaceAll(stderr, "│ ", ""), "Failed to run in ")
			sort.Strings(parts)
			return parts
		}
		if diff := cmp.Diff(folders(tfErr), folders(saErr)); diff != "" {
			t.Errorf("%s: stderr differs (-tflint +standalone):\n%s", format, diff)
		}
	}
}

// sortedLines returns the lines of s, sorted.
func sortedLines(s string) []string {
	lines := strings.Split(s, "\n")
	sort.Strings(lines)
	return lines
}

// rawReport is tflint's JSON report, read without losing a field.
type rawReport struct {
	Issues []any
	Errors []any
}

// monorepoReport reads a JSON report and sorts its errors.
func monorepoReport(t *testing.T, who string, data []byte) rawReport {
	t.Helper()
	var r rawReport
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("%s printed no JSON report: %v\n%s", who, err, data)
	}
	sortJSON(r.Errors)
	sortJSON(r.Issues)
	return r
}

// sortJSON sorts values by their JSON text.
func sortJSON(values []any) {
	sort.SliceStable(values, func(i, j int) bool {
		a, _ := json.Marshal(values[i])
		b, _ := json.Marshal(values[j])
		return string(a) < string(b)
	})
}
