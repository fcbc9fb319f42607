package main

import (
	"encoding/json"
	"path/filepath"
	"sort"
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
