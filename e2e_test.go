package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/fargate-lint/tflint-ruleset-fargate/internal/testcase"
)

// update rewrites each case's expected result from what tflint reports.
var update = flag.Bool("update", false, "rewrite testdata/*/result.json")

var (
	pluginOnce sync.Once
	pluginDir  string
	pluginErr  error
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if pluginDir != "" {
		_ = os.RemoveAll(pluginDir)
	}
	os.Exit(code)
}

// tflintPath returns the tflint to test with: $TFLINT (make test sets the pinned one),
// else the pinned one the Makefile installs.
func tflintPath(t *testing.T) string {
	t.Helper()
	tflint := os.Getenv("TFLINT")
	if tflint == "" {
		tflint = filepath.Join(".tools", "tflint-v0.64.0", "bin", "tflint")
	}
	tflint, err := filepath.Abs(tflint)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath(tflint); err != nil {
		t.Fatalf("tflint not found at %s: run `make tools` or set TFLINT", tflint)
	}
	return tflint
}

// buildPlugin builds the plugin once per test run into a folder for TFLINT_PLUGIN_DIR.
func buildPlugin(t *testing.T) string {
	t.Helper()
	pluginOnce.Do(func() {
		pluginDir, pluginErr = os.MkdirTemp("", "fargate-plugin-")
		if pluginErr != nil {
			return
		}
		name := "tflint-ruleset-fargate"
		if runtime.GOOS == "windows" {
			name += ".exe"
		}
		out, err := exec.Command("go", "build", "-o", filepath.Join(pluginDir, name), ".").CombinedOutput()
		if err != nil {
			pluginErr = fmt.Errorf("building the plugin: %v\n%s", err, out)
		}
	})
	if pluginErr != nil {
		t.Fatal(pluginErr)
	}
	return pluginDir
}

// TestEndToEnd builds the plugin, runs the pinned tflint with it over every folder of
// testdata/, and compares the JSON report with the folder's result.json.
//
// A folder holds Terraform files, a .tflint.hcl, result.json, and optionally args (extra
// tflint arguments, one per line); or a variant file that derives the case from another
// folder (see buildVariant), and result.json. The tflint binary comes from $TFLINT (make test sets
// it to the pinned one in .tools/).
func TestEndToEnd(t *testing.T) {
	tflint := tflintPath(t)
	pluginDir := buildPlugin(t)

	configs, _ := filepath.Glob(filepath.Join("testdata", "*", ".tflint.hcl"))
	variants, _ := filepath.Glob(filepath.Join("testdata", "*", "variant"))
	cases := append(configs, variants...)
	if len(cases) == 0 {
		t.Fatal("no end-to-end cases found")
	}
	for _, marker := range cases {
		dir := filepath.Dir(marker)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			if reason := unsupportedArgs(t, tflint, caseArgs(dir)); reason != "" {
				t.Skip(reason)
			}
			// tflint runs on a copy, so --fix cases cannot change testdata.
			var workDir string
			if filepath.Base(marker) == "variant" {
				workDir = buildVariant(t, marker)
			} else {
				workDir = copyCase(t, dir)
			}
			got, stderr := runTFLint(t, tflint, pluginDir, workDir, caseArgs(dir))
			checkFixed(t, tflint, pluginDir, dir, workDir)
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
			alignFields(wantV, gotV)
			if diff := cmp.Diff(wantV, gotV); diff != "" {
				t.Errorf("tflint report differs from %s (-want +got):\n%s", resultFile, diff)
			}
		})
	}
}

// buildVariant writes a copy of a base case with edits into a temporary folder. The
// variant file has one instruction per line:
//
//	base <case folder>                 the case to copy
//	remove <type.name>                 delete a resource block
//	unset <type.name> <attr>           delete an attribute of a resource
//	unset <type.name> <block>          delete the nested blocks of that type
//	set <type.name> <attr> <HCL expr>  set an attribute
//
// so a variant states only what it changes.
func buildVariant(t *testing.T, variantFile string) string {
	t.Helper()
	src, err := os.ReadFile(variantFile)
	if err != nil {
		t.Fatal(err)
	}
	var base string
	var edits [][]string
	for _, line := range strings.Split(string(src), "\n") {
		fields := strings.Fields(line)
		switch {
		case len(fields) == 0 || strings.HasPrefix(fields[0], "#"):
		case fields[0] == "base" && len(fields) == 2:
			base = filepath.Join(filepath.Dir(filepath.Dir(variantFile)), fields[1])
		default:
			edits = append(edits, fields)
		}
	}
	if base == "" {
		t.Fatalf("%s names no base", variantFile)
	}
	out := t.TempDir()
	applied := make([]bool, len(edits))
	err = filepath.WalkDir(base, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(base, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.HasSuffix(path, ".tf") {
			data = editHCL(t, path, data, edits, applied)
		}
		if rel == "result.json" {
			return nil
		}
		target := filepath.Join(out, rel)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, done := range applied {
		if !done {
			t.Fatalf("%s: %q matched nothing in %s", variantFile, strings.Join(edits[i], " "), base)
		}
	}
	return out
}

func editHCL(t *testing.T, path string, src []byte, edits [][]string, applied []bool) []byte {
	t.Helper()
	file, diags := hclwrite.ParseConfig(src, path, hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	body := file.Body()
	for i, edit := range edits {
		if len(edit) < 2 {
			t.Fatalf("bad variant instruction %q", strings.Join(edit, " "))
		}
		typ, name, _ := strings.Cut(edit[1], ".")
		block := body.FirstMatchingBlock("resource", []string{typ, name})
		if block == nil {
			continue
		}
		applied[i] = true
		switch {
		case edit[0] == "remove":
			body.RemoveBlock(block)
		case edit[0] == "unset" && len(edit) == 3:
			if block.Body().GetAttribute(edit[2]) != nil {
				block.Body().RemoveAttribute(edit[2])
			}
			for _, nested := range block.Body().Blocks() {
				if nested.Type() == edit[2] {
					block.Body().RemoveBlock(nested)
				}
			}
		case edit[0] == "set" && len(edit) >= 4:
			expr := strings.Join(edit[3:], " ")
			tokens, diags := hclwrite.ParseConfig([]byte("x = "+expr+"\n"), "set", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatalf("bad expression %q: %s", expr, diags)
			}
			block.Body().SetAttributeRaw(edit[2], tokens.Body().GetAttribute("x").Expr().BuildTokens(nil))
		default:
			t.Fatalf("bad variant instruction %q", strings.Join(edit, " "))
		}
	}
	return file.Bytes()
}

// alignFields drops from the expected issues the fields the running tflint does not
// report (tflint before 0.47 has no "fixable" and "fixed"), so one result.json serves
// every supported tflint.
func alignFields(want, got any) {
	wantIssues, _ := want.(map[string]any)["issues"].([]any)
	gotIssues, _ := got.(map[string]any)["issues"].([]any)
	if len(gotIssues) == 0 {
		return
	}
	for _, gi := range gotIssues {
		normalizeFilenames(gi)
	}
	sample, _ := gotIssues[0].(map[string]any)
	for _, wi := range wantIssues {
		issue, _ := wi.(map[string]any)
		for key := range issue {
			if _, reported := sample[key]; !reported {
				delete(issue, key)
			}
		}
	}
}

// normalizeFilenames writes the file names of a report with forward slashes, as on
// Linux and macOS, so Windows runs compare with the same result.json.
func normalizeFilenames(v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			if s, ok := e.(string); ok && k == "filename" {
				v[k] = strings.ReplaceAll(s, "\\", "/")
				continue
			}
			normalizeFilenames(e)
		}
	case []any:
		for _, e := range v {
			normalizeFilenames(e)
		}
	}
}

// unsupportedArgs says why the tflint under test cannot run a case's arguments, or "".
// --call-module-type came with tflint 0.54; older ones (down to the supported 0.50)
// spell it differently.
func unsupportedArgs(t *testing.T, tflint string, args []string) string {
	for _, a := range args {
		if strings.HasPrefix(a, "--call-module-type") && !tflintAtLeast(t, tflint, 0, 54) {
			return "this tflint predates --call-module-type (0.54)"
		}
	}
	return ""
}

var (
	versionOnce sync.Once
	tflintMinor [2]int
)

// tflintAtLeast reports whether tflint's version is at least major.minor.
func tflintAtLeast(t *testing.T, tflint string, major, minor int) bool {
	t.Helper()
	versionOnce.Do(func() {
		out, _ := exec.Command(tflint, "--version").Output()
		fmt.Sscanf(strings.TrimPrefix(strings.Fields(string(out) + " x x x")[2], "v"), "%d.%d", &tflintMinor[0], &tflintMinor[1])
	})
	return tflintMinor[0] > major || (tflintMinor[0] == major && tflintMinor[1] >= minor)
}

// caseArgs reads the extra tflint arguments of a case, one per line of its args file.
func caseArgs(dir string) []string {
	var args []string
	if extra, err := os.ReadFile(filepath.Join(dir, "args")); err == nil {
		for _, a := range strings.Split(strings.TrimSpace(string(extra)), "\n") {
			if a = strings.TrimSpace(a); a != "" {
				args = append(args, a)
			}
		}
	}
	return args
}

// copyCase copies a case folder, but for its expectations, into a temporary folder.
func copyCase(t *testing.T, dir string) string {
	t.Helper()
	return testcase.Copy(t, dir)
}

// checkFixed compares the files tflint --fix rewrote with the case's fixed/ folder, then
// checks the rewritten module lints clean.
func checkFixed(t *testing.T, tflint, pluginDir, dir, workDir string) {
	t.Helper()
	fixed := filepath.Join(dir, "fixed")
	entries, err := os.ReadDir(fixed)
	if err != nil {
		return
	}
	for _, e := range entries {
		want, _ := os.ReadFile(filepath.Join(fixed, e.Name()))
		got, err := os.ReadFile(filepath.Join(workDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(filepath.Join(fixed, e.Name()), got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("tflint --fix wrote %s differently (-want +got):\n%s", e.Name(), diff)
		}
	}
	var rest []string
	for _, a := range caseArgs(dir) {
		if a != "--fix" {
			rest = append(rest, a)
		}
	}
	report, _ := runTFLint(t, tflint, pluginDir, workDir, rest)
	var result struct {
		Issues []struct {
			Rule    struct{ Name string }
			Message string
		}
	}
	if err := json.Unmarshal(report, &result); err != nil {
		t.Fatalf("second run printed no JSON: %v", err)
	}
	// What remains is what the first run reported without a fix.
	unfixable := map[string]bool{}
	if want, err := os.ReadFile(filepath.Join(dir, "result.json")); err == nil {
		var first struct {
			Issues []struct {
				Rule    struct{ Name string }
				Message string
				Fixable bool
			}
		}
		if err := json.Unmarshal(want, &first); err == nil {
			for _, issue := range first.Issues {
				if !issue.Fixable {
					unfixable[issue.Rule.Name+": "+issue.Message] = true
				}
			}
		}
	}
	for _, issue := range result.Issues {
		if strings.HasPrefix(issue.Rule.Name, "fargate_") && !unfixable[issue.Rule.Name+": "+issue.Message] {
			t.Errorf("after --fix, %s still reports an issue: %s", issue.Rule.Name, issue.Message)
		}
	}
}

func runTFLint(t *testing.T, tflint, pluginDir, dir string, extra []string) (report []byte, stderr string) {
	t.Helper()
	args := append([]string{"--config", ".tflint.hcl", "--format", "json"}, extra...)
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
