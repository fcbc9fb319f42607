package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fileCases are the end-to-end cases whose containers come from files (file(),
// templatefile() with path.module), in the root module or in a called one.
var fileCases = []string{"file_and_templatefile", "file_in_module"}

// TestInvocationModes runs the file-based cases the ways people start tflint and expects
// the findings of the plain run (result.json) every time: with --chdir (relative, and
// absolute from another folder), --recursive from a parent folder with one --config, with
// --filter, and in the language server started in a parent folder. tflint changes its own
// working directory for these; the plugin must resolve paths as Terraform does anyway.
func TestInvocationModes(t *testing.T) {
	tflint := tflintPath(t)
	pluginDir := buildPlugin(t)
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
			modes := []struct {
				name, dir string
				args      []string
			}{
				{"plain", caseDir, []string{"--config", config}},
				{"chdir relative", parent, []string{"--chdir=case", "--config", ".tflint.hcl"}},
				{"chdir absolute from another folder", elsewhere, []string{"--chdir=" + caseDir, "--config", ".tflint.hcl"}},
				{"recursive with one config", parent, []string{"--recursive", "--config", config}},
				{"filter", caseDir, []string{"--config", config, "--filter=main.tf"}},
			}
			for _, mode := range modes {
				report := runIn(t, tflint, pluginDir, mode.dir, mode.args)
				got := reportFindings(t, report, mode.dir, caseDir)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%s: findings differ from the plain run (-want +got):\n%s", mode.name, diff)
				}
			}
			got := languageServerFindings(t, tflint, pluginDir, parent, caseDir)
			if diff := cmp.Diff(messagesOf(want), got); diff != "" {
				t.Errorf("language server started in a parent folder: diagnostics differ (-want +got):\n%s", diff)
			}
		})
	}
}

// finding is one issue, with its file relative to the case folder.
type finding struct {
	Rule, Message, File          string
	StartLine, StartCol, EndLine int
	EndCol                       int
}

type jsonReport struct {
	Issues []struct {
		Rule    struct{ Name string }
		Message string
		Range   struct {
			Filename   string
			Start, End struct{ Line, Column int }
		}
	}
	Errors []struct{ Message string }
}

func expectedFindings(t *testing.T, resultFile string) []finding {
	t.Helper()
	data, err := os.ReadFile(resultFile)
	if err != nil {
		t.Fatal(err)
	}
	return findingsOf(t, data, "", "")
}

func reportFindings(t *testing.T, report []byte, runDir, caseDir string) []finding {
	t.Helper()
	return findingsOf(t, report, runDir, caseDir)
}

// findingsOf reads a JSON report; file names are made relative to caseDir when runDir,
// the folder tflint ran in, is given.
func findingsOf(t *testing.T, data []byte, runDir, caseDir string) []finding {
	t.Helper()
	var r jsonReport
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("not a JSON report: %v\n%s", err, data)
	}
	for _, e := range r.Errors {
		t.Errorf("tflint reported an error: %s", e.Message)
	}
	out := []finding{}
	for _, is := range r.Issues {
		file := filepath.FromSlash(is.Range.Filename)
		if runDir != "" {
			if !filepath.IsAbs(file) {
				file = filepath.Join(runDir, file)
			}
			if rel, err := filepath.Rel(caseDir, file); err == nil {
				file = rel
			}
		}
		out = append(out, finding{is.Rule.Name, is.Message, filepath.ToSlash(file),
			is.Range.Start.Line, is.Range.Start.Column, is.Range.End.Line, is.Range.End.Column})
	}
	sortFindings(out)
	return out
}

func sortFindings(fs []finding) {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.StartLine != b.StartLine {
			return a.StartLine < b.StartLine
		}
		return a.Message < b.Message
	})
}

// messagesOf keeps what an editor shows of each finding: file, position and message.
func messagesOf(fs []finding) []finding {
	out := []finding{}
	for _, f := range fs {
		f.Rule = ""
		out = append(out, f)
	}
	return out
}

func runIn(t *testing.T, tflint, pluginDir, dir string, args []string) []byte {
	t.Helper()
	cmd := exec.Command(tflint, append(args, "--format", "json")...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TFLINT_PLUGIN_DIR="+pluginDir)
	out, err := cmd.Output()
	if err != nil {
		if _, isExit := err.(*exec.ExitError); !isExit {
			t.Fatalf("running tflint: %v", err)
		}
	}
	return out
}

// languageServerFindings starts `tflint --langserver` in root, as an editor opened on a
// parent folder does, opens each .tf file of caseDir and collects the diagnostics.
func languageServerFindings(t *testing.T, tflint, pluginDir, root, caseDir string) []finding {
	t.Helper()
	diags := openInEditor(t, tflint, append(os.Environ(), "TFLINT_PLUGIN_DIR="+pluginDir),
		[]string{"--langserver", "--config", filepath.Join(caseDir, ".tflint.hcl")}, root, root, "case/main.tf")
	out := []finding{}
	for _, d := range diags {
		out = append(out, finding{Message: d.Message, File: "main.tf",
			StartLine: d.Range.Start.Line + 1, StartCol: d.Range.Start.Character + 1,
			EndLine: d.Range.End.Line + 1, EndCol: d.Range.End.Character + 1})
	}
	sortFindings(out)
	if strings.Contains(strings.Join(lspMessages(out), "\n"), "fargate_") {
		t.Error("a diagnostic names a rule")
	}
	return out
}

func lspMessages(fs []finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Message)
	}
	return out
}

// TestRecursiveOneWording lints a local module called from two example roots with
// --recursive, as documented CI jobs do: tflint lints each of the three folders as a root,
// so a mistake written in the module is reported from each run. Each must use the same
// words, so that a reader sees one mistake; under tflint and the standalone binary alike.
func TestRecursiveOneWording(t *testing.T) {
	tflint := tflintPath(t)
	pluginDir := buildPlugin(t)
	dir := copyCase(t, filepath.Join("testdata", "recursive_shared_module"))
	config := filepath.Join(dir, ".tflint.hcl")
	if err := os.WriteFile(config, []byte("plugin \"terraform\" {\n  enabled = false\n}\n\nplugin \"fargate\" {\n  enabled = true\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"--recursive", "--config", config}
	for name, report := range map[string][]byte{
		"tflint":     runIn(t, tflint, pluginDir, dir, args),
		"standalone": runStandaloneIn(t, dir, args),
	} {
		words := map[string]map[string]bool{}
		for _, f := range reportFindings(t, report, dir, dir) {
			if f.File != "m/main.tf" {
				t.Errorf("%s: a finding outside the module: %+v", name, f)
				continue
			}
			place := fmt.Sprintf("%s %d:%d", f.Rule, f.StartLine, f.StartCol)
			if words[place] == nil {
				words[place] = map[string]bool{}
			}
			words[place][f.Message] = true
		}
		if len(words) != 3 {
			t.Errorf("%s: want the module's three mistakes, got %d places: %v", name, len(words), words)
		}
		for place, messages := range words {
			if len(messages) != 1 {
				t.Errorf("%s: %s is worded %d ways: %v", name, place, len(messages), messages)
			}
		}
	}
}

// runStandaloneIn runs the binary on its own in dir, with a JSON report.
func runStandaloneIn(t *testing.T, dir string, args []string) []byte {
	t.Helper()
	cmd := exec.Command(standaloneBinary(t), append(args, "--format", "json")...)
	cmd.Env = standaloneEnv()
	out, _, _ := runCommand(t, cmd, dir)
	return out
}
