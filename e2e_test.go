package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// update rewrites each case's expected result from what tflint reports.
var update = flag.Bool("update", false, "rewrite testdata/*/result.json")

// TestEndToEnd builds the plugin, runs the pinned tflint with it over every folder of
// testdata/, and compares the JSON report with the folder's result.json.
//
// A folder holds Terraform files, a .tflint.hcl, result.json, and optionally args (extra
// tflint arguments, one per line). The tflint binary comes from $TFLINT (make test sets
// it to the pinned one in .tools/bin).
func TestEndToEnd(t *testing.T) {
	tflint := os.Getenv("TFLINT")
	if tflint == "" {
		tflint = filepath.Join(".tools", "bin", "tflint")
	}
	tflint, err := filepath.Abs(tflint)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tflint); err != nil {
		t.Fatalf("tflint not found at %s: run `make tools` or set TFLINT", tflint)
	}
	pluginDir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(pluginDir, "tflint-ruleset-fargate"), ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the plugin: %v\n%s", err, out)
	}

	cases, err := filepath.Glob(filepath.Join("testdata", "*", ".tflint.hcl"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no end-to-end cases found: %v", err)
	}
	for _, cfg := range cases {
		dir := filepath.Dir(cfg)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			got, stderr := runTFLint(t, tflint, pluginDir, dir)
			// The guard turns a rule's panic or error into a log line; tflint shows
			// plugin logs at debug level.
			for _, line := range strings.Split(stderr, "\n") {
				if strings.Contains(line, "fargate: rule") || strings.Contains(line, "fargate: cannot") {
					t.Errorf("the plugin logged an error: %s", line)
				}
			}
			resultFile := filepath.Join(dir, "result.json")
			if *update {
				if err := os.WriteFile(resultFile, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(resultFile)
			if err != nil {
				t.Fatalf("%v (run go test -run TestEndToEnd -update to create it, then review it)", err)
			}
			var gotV, wantV any
			if err := json.Unmarshal(got, &gotV); err != nil {
				t.Fatalf("tflint printed no JSON: %v\n%s\n%s", err, got, stderr)
			}
			if err := json.Unmarshal(want, &wantV); err != nil {
				t.Fatalf("%s: %v", resultFile, err)
			}
			if diff := cmp.Diff(wantV, gotV); diff != "" {
				t.Errorf("tflint report differs from %s (-want +got):\n%s", resultFile, diff)
			}
		})
	}
}

func runTFLint(t *testing.T, tflint, pluginDir, dir string) (report []byte, stderr string) {
	t.Helper()
	args := []string{"--config", ".tflint.hcl", "--format", "json"}
	if extra, err := os.ReadFile(filepath.Join(dir, "args")); err == nil {
		for _, a := range strings.Split(strings.TrimSpace(string(extra)), "\n") {
			if a = strings.TrimSpace(a); a != "" {
				args = append(args, a)
			}
		}
	}
	cmd := exec.Command(tflint, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TFLINT_PLUGIN_DIR="+pluginDir, "TFLINT_LOG=debug")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("running tflint: %v", err)
		}
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, out.Bytes(), "", "  "); err != nil {
		return out.Bytes(), errOut.String()
	}
	return pretty.Bytes(), errOut.String()
}
