package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The tests in this file run the binary the way a person does (without tflint's
// handshake variable, so it lints on its own) and hold it to tflint's answers: every
// end-to-end case of testdata/ and every invocation mode must give the same findings
// and the same exit status both ways.

// tflintOnly lists, by case folder, the cases where tflint and the standalone linter may
// differ, each because of a documented tflint-only feature (README, "Without tflint"),
// with the reason. Every other case must match exactly.
var tflintOnly = map[string]string{}

// standaloneBinary returns the binary the test run built, the same file tflint runs as
// a plugin.
func standaloneBinary(t *testing.T) string {
	t.Helper()
	name := "tflint-ruleset-fargate"
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	return filepath.Join(buildPlugin(t), name)
}

// standaloneEnv is the environment without tflint's plugin handshake variable.
func standaloneEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TFLINT_RULESET_PLUGIN=") {
			env = append(env, kv)
		}
	}
	return env
}

// runCommand runs a command in dir and returns its stdout, stderr and exit status.
func runCommand(t *testing.T, cmd *exec.Cmd, dir string) ([]byte, string, int) {
	t.Helper()
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return out.Bytes(), errOut.String(), 0
	case errors.As(err, &exit):
		return out.Bytes(), errOut.String(), exit.ExitCode()
	}
	t.Fatalf("running %v: %v", cmd.Args, err)
	return nil, "", 0
}

// runBoth runs tflint with the plugin in tflintDir and the standalone linter in
// standaloneDir with the same arguments, and returns their stdout and exit statuses.
func runBoth(t *testing.T, tflintDir, standaloneDir string, args []string) (tf, sa []byte, tfCode, saCode int) {
	t.Helper()
	cmd := exec.Command(tflintPath(t), args...)
	cmd.Env = append(standaloneEnv(), "TFLINT_PLUGIN_DIR="+buildPlugin(t))
	tf, tfErr, tfCode := runCommand(t, cmd, tflintDir)
	cmd = exec.Command(standaloneBinary(t), args...)
	cmd.Env = standaloneEnv()
	sa, saErr, saCode := runCommand(t, cmd, standaloneDir)
	if tfCode == 1 || saCode == 1 {
		t.Logf("tflint stderr:\n%s\nstandalone stderr:\n%s", tfErr, saErr)
	}
	return tf, sa, tfCode, saCode
}

// saFinding is what both ways must agree on for each finding.
type saFinding struct {
	Rule, Severity, Message, File string
	Start, End                    [2]int
	Fixable, Fixed                bool
}

// saReport reads a JSON report: its findings, sorted, and its number of errors.
func saReport(t *testing.T, who string, data []byte) ([]saFinding, int) {
	t.Helper()
	var r struct {
		Issues []struct {
			Rule    struct{ Name, Severity string }
			Message string
			Range   struct {
				Filename   string
				Start, End struct{ Line, Column int }
			}
			Fixable, Fixed bool
		}
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("%s printed no JSON report: %v\n%s", who, err, data)
	}
	out := []saFinding{}
	for _, is := range r.Issues {
		out = append(out, saFinding{
			Rule: is.Rule.Name, Severity: is.Rule.Severity, Message: is.Message,
			File:  filepath.ToSlash(is.Range.Filename),
			Start: [2]int{is.Range.Start.Line, is.Range.Start.Column}, End: [2]int{is.Range.End.Line, is.Range.End.Column},
			Fixable: is.Fixable, Fixed: is.Fixed,
		})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Start != b.Start {
			return a.Start[0] < b.Start[0] || (a.Start[0] == b.Start[0] && a.Start[1] < b.Start[1])
		}
		return a.Rule+a.Message < b.Rule+b.Message
	})
	return out, len(r.Errors)
}

// TestStandaloneMatchesTFLint runs every end-to-end case (each folder of testdata/ with
// a .tflint.hcl, and each variant) through tflint with the plugin and through the
// standalone linter, and requires the same findings, the same exit status, errors in
// both or neither, and with --fix the same rewritten files.
func TestStandaloneMatchesTFLint(t *testing.T) {
	configs, _ := filepath.Glob(filepath.Join("testdata", "*", ".tflint.hcl"))
	variants, _ := filepath.Glob(filepath.Join("testdata", "*", "variant"))
	cases := append(configs, variants...)
	if len(cases) == 0 {
		t.Fatal("no end-to-end cases found")
	}
	for _, marker := range cases {
		dir := filepath.Dir(marker)
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			prepare := func() string {
				if filepath.Base(marker) == "variant" {
					return buildVariant(t, marker)
				}
				return copyCase(t, dir)
			}
			tfDir, saDir := prepare(), prepare()
			args := append([]string{"--config", ".tflint.hcl", "--format", "json"}, caseArgs(dir)...)
			tfOut, saOut, tfCode, saCode := runBoth(t, tfDir, saDir, args)
			if reason, ok := tflintOnly[name]; ok {
				t.Skipf("differs by design: %s", reason)
			}
			tf, tfErrors := saReport(t, "tflint", tfOut)
			sa, saErrors := saReport(t, "the standalone linter", saOut)
			if diff := cmp.Diff(tf, sa); diff != "" {
				t.Errorf("findings differ (-tflint +standalone):\n%s", diff)
			}
			if tfCode != saCode {
				t.Errorf("exit status: tflint %d, standalone %d", tfCode, saCode)
			}
			if (tfErrors == 0) != (saErrors == 0) {
				t.Errorf("errors: tflint reported %d, standalone %d\ntflint: %s\nstandalone: %s", tfErrors, saErrors, tfOut, saOut)
			}
			compareTrees(t, tfDir, saDir)
		})
	}
}

// compareTrees requires the Terraform files of two case folders to be the same, as
// tflint --fix and the standalone --fix leave them.
func compareTrees(t *testing.T, tfDir, saDir string) {
	t.Helper()
	err := filepath.WalkDir(tfDir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".tf") {
			return err
		}
		rel, _ := filepath.Rel(tfDir, path)
		tf, _ := os.ReadFile(path)
		sa, err := os.ReadFile(filepath.Join(saDir, rel))
		if err != nil {
			return err
		}
		if diff := cmp.Diff(string(tf), string(sa)); diff != "" {
			t.Errorf("%s differs after the run (-tflint +standalone):\n%s", rel, diff)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestStandaloneInvocationModes runs the file-based cases as TestInvocationModes does,
// with the standalone linter: --chdir (relative, and absolute from another folder),
// --recursive from a parent folder with one --config, and --filter must give the
// findings of the plain run, with file names as tflint writes them.
func TestStandaloneInvocationModes(t *testing.T) {
	bin := standaloneBinary(t)
	for _, name := range fileCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want := expectedFindings(t, filepath.Join("testdata", name, "result.json"))
			parent := t.TempDir()
			caseDir := filepath.Join(parent, "case")
			if err := os.Rename(copyCase(t, filepath.Join("testdata", name)), caseDir); err != nil {
				t.Fatal(err)
			}
			config := filepath.Join(caseDir, ".tflint.hcl")
			elsewhere := t.TempDir()
			for _, mode := range []struct {
				name, dir string
				args      []string
			}{
				{"plain", caseDir, []string{"--config", config}},
				{"chdir relative", parent, []string{"--chdir=case", "--config", ".tflint.hcl"}},
				{"chdir absolute from another folder", elsewhere, []string{"--chdir=" + caseDir, "--config", ".tflint.hcl"}},
				{"recursive with one config", parent, []string{"--recursive", "--config", config}},
				{"filter", caseDir, []string{"--config", config, "--filter=main.tf"}},
			} {
				cmd := exec.Command(bin, append(mode.args, "--format", "json")...)
				cmd.Env = standaloneEnv()
				out, _, _ := runCommand(t, cmd, mode.dir)
				got := reportFindings(t, out, mode.dir, caseDir)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%s: findings differ from the plain run (-want +got):\n%s", mode.name, diff)
				}
			}
		})
	}
}

// TestStandaloneModesMatchTFLint compares the raw JSON file names of tflint and the
// standalone linter in the modes that change them (--chdir, --recursive).
func TestStandaloneModesMatchTFLint(t *testing.T) {
	parent := t.TempDir()
	for _, c := range []string{"module_call", "service_rules"} {
		if err := os.Rename(copyCase(t, filepath.Join("testdata", c)), filepath.Join(parent, c)); err != nil {
			t.Fatal(err)
		}
	}
	config := filepath.Join(parent, "service_rules", ".tflint.hcl")
	for _, args := range [][]string{
		{"--chdir=module_call", "--config=.tflint.hcl"},
		{"--recursive", "--config=" + config},
		{"--recursive", "--config=" + config, "--minimum-failure-severity=error"},
		{"--recursive", "--config=" + config, "--force"},
		{"--recursive", "--chdir=service_rules", "--config=" + config, "--only=fargate_service_limits"},
	} {
		tfOut, saOut, tfCode, saCode := runBoth(t, parent, parent, append(args, "--format=json"))
		tf, tfErrors := saReport(t, "tflint", tfOut)
		sa, saErrors := saReport(t, "the standalone linter", saOut)
		if diff := cmp.Diff(tf, sa); diff != "" {
			t.Errorf("%v: findings differ (-tflint +standalone):\n%s", args, diff)
		}
		if tfCode != saCode || tfErrors != saErrors {
			t.Errorf("%v: tflint exit %d with %d errors, standalone exit %d with %d errors", args, tfCode, tfErrors, saCode, saErrors)
		}
	}
}
