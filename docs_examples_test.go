package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Every rule page (docs/rules/*.md) shows its mistake as a user would paste it: the
// example after <!-- example -->, whose flagged lines carry a `# flagged` comment; when
// the example needs more code to be a whole configuration, a completion after
// <!-- completion --> (folded in <details>), which goes into a second file; the findings
// a run prints after <!-- finding --> ("Error: message (rule)"); and after <!-- fixed -->
// the example as "How to fix" leaves it, which with the same completion is silent.

// updateDocs rewrites each rule page's documented findings from what its example gives,
// after a rule's message changed: go test . -run TestDocsRuleExamples -update-docs.
var updateDocs = flag.Bool("update-docs", false, "rewrite the <!-- finding --> blocks of docs/rules/*.md")

// rewriteFindings replaces the block after <!-- finding --> in page with texts.
func rewriteFindings(t *testing.T, page string, texts []string) {
	t.Helper()
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	var unique []string
	for _, s := range texts {
		if !slices.Contains(unique, s) {
			unique = append(unique, s)
		}
	}
	lines := strings.Split(string(src), "\n")
	for i, line := range lines {
		if strings.TrimSpace(line) != "<!-- finding -->" || i+1 >= len(lines) || lines[i+1] != "```" {
			continue
		}
		end := i + 2
		for end < len(lines) && lines[end] != "```" {
			end++
		}
		out := append(append(append([]string{}, lines[:i+2]...), unique...), lines[end:]...)
		if err := os.WriteFile(page, []byte(strings.Join(out, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("%s: no <!-- finding --> block to rewrite", page)
}

// docExample is one documented example: its files, and what a run must report.
type docExample struct {
	page, rule                 string
	example, completion, fixed string
	findings                   []string
	flagged                    []int
	retired                    bool
	config                     string
}

// readRulePage reads the example of a rule page.
func readRulePage(t *testing.T, page string) docExample {
	t.Helper()
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	rule := strings.TrimSuffix(filepath.Base(page), ".md")
	ex := docExample{
		page: page, rule: rule,
		example:  docBlock(t, page, "<!-- example -->"),
		retired:  strings.Contains(string(src), "**Retired"),
		config:   "plugin \"terraform\" {\n  enabled = false\n}\n\nplugin \"fargate\" {\n  enabled = true\n  preset  = \"all\"\n}\n",
		findings: nil,
	}
	if !ex.retired {
		ex.fixed = docBlock(t, page, "<!-- fixed -->")
	}
	if strings.Contains(string(src), "<!-- completion -->") {
		ex.completion = docBlock(t, page, "<!-- completion -->")
	}
	if strings.Contains(string(src), "<!-- finding -->") {
		for _, line := range strings.Split(strings.TrimSpace(docBlock(t, page, "<!-- finding -->")), "\n") {
			ex.findings = append(ex.findings, strings.TrimSpace(line))
		}
	}
	for i, line := range strings.Split(ex.example, "\n") {
		if strings.Contains(line, "# flagged") {
			ex.flagged = append(ex.flagged, i+1)
		}
	}
	return ex
}

// docFinding is a finding as the test reads it from the JSON report.
type docFinding struct {
	file string
	line int
	text string
}

// lintDocFiles writes files into a new folder and lints it with the standalone linter,
// the rule alone; it returns the rule's findings.
func lintDocFiles(t *testing.T, rule, config string, files map[string]string) []docFinding {
	t.Helper()
	return lintDocFilesWith(t, []string{"--only=" + rule}, config, files)
}

// lintDocFilesWith writes files into a new folder and lints it with the standalone
// linter and args; it returns the findings.
func lintDocFilesWith(t *testing.T, args []string, config string, files map[string]string) []docFinding {
	t.Helper()
	dir := t.TempDir()
	files[".tflint.hcl"] = config
	for name, text := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(standaloneBinary(t), append([]string{"--format=json"}, args...)...)
	cmd.Env = standaloneEnv()
	out, stderr, code := runCommand(t, cmd, dir)
	if code == 1 {
		t.Fatalf("the linter failed:\n%s%s", out, stderr)
	}
	var report struct {
		Issues []struct {
			Rule    struct{ Name, Severity string }
			Message string
			Range   struct {
				Filename string
				Start    struct{ Line int }
			}
		}
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("no JSON report: %v\n%s", err, out)
	}
	var got []docFinding
	for _, is := range report.Issues {
		severity := map[string]string{"error": "Error", "warning": "Warning", "info": "Notice"}[is.Rule.Severity]
		got = append(got, docFinding{
			file: filepath.ToSlash(is.Range.Filename), line: is.Range.Start.Line,
			text: fmt.Sprintf("%s: %s (%s)", severity, is.Message, is.Rule.Name),
		})
	}
	return got
}

// checkDocExample runs an example and its fixed version.
func checkDocExample(t *testing.T, ex docExample) {
	t.Helper()
	files := func(main string) map[string]string {
		f := map[string]string{"main.tf": main}
		if ex.completion != "" {
			f["completion.tf"] = ex.completion
		}
		return f
	}
	got := lintDocFiles(t, ex.rule, ex.config, files(ex.example))
	var lines []int
	var texts []string
	for _, f := range got {
		if f.file != "main.tf" {
			t.Errorf("%s: a finding in the completion, not the example: %+v", ex.page, f)
			continue
		}
		if !slices.Contains(lines, f.line) {
			lines = append(lines, f.line)
		}
		texts = append(texts, f.text)
	}
	slices.Sort(lines)
	switch {
	case ex.retired:
		if len(got) > 0 {
			t.Errorf("%s: a retired rule reports %v", ex.page, texts)
		}
	case len(ex.flagged) == 0:
		t.Errorf("%s: the example marks no line `# flagged`", ex.page)
	case !slices.Equal(lines, ex.flagged):
		t.Errorf("%s: findings on lines %v of the example, flagged lines %v; findings:\n%s", ex.page, lines, ex.flagged, strings.Join(texts, "\n"))
	}
	if *updateDocs && !ex.retired {
		rewriteFindings(t, ex.page, texts)
		ex.findings = texts
	}
	for _, want := range ex.findings {
		if !slices.Contains(texts, want) {
			t.Errorf("%s: documented finding not reported:\n  %s\nreported:\n  %s", ex.page, want, strings.Join(texts, "\n  "))
		}
	}
	if !ex.retired && len(ex.findings) == 0 {
		t.Errorf("%s: no documented finding (<!-- finding -->); reported:\n  %s", ex.page, strings.Join(texts, "\n  "))
	}
	if ex.retired {
		return
	}
	for _, f := range lintDocFiles(t, ex.rule, ex.config, files(ex.fixed)) {
		t.Errorf("%s: the fixed example still reports %s:%d: %s", ex.page, f.file, f.line, f.text)
	}
}

// TestDocsRuleExamples runs every rule page's example (completed) and its fixed version.
func TestDocsRuleExamples(t *testing.T) {
	pages, _ := filepath.Glob(filepath.Join("docs", "rules", "fargate_*.md"))
	if len(pages) == 0 {
		t.Fatal("no rule pages")
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".md")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checkDocExample(t, readRulePage(t, page))
		})
	}
}

// TestDocsConfigurationExamples runs the examples of docs/configuration.md: the plugin
// block's preset (the recommended one leaves out a rule of all, which the all preset
// runs), the rule blocks (one recommended rule silenced, one rule of all added), and an
// ignore comment (silent with it, the finding on its line without it).
func TestDocsConfigurationExamples(t *testing.T) {
	t.Parallel()
	const doc = "docs/configuration.md"
	pages := map[string]docExample{}
	for _, rule := range []string{"fargate_task_network_mode", "fargate_task_role", "fargate_service_default_security_group"} {
		pages[rule] = readRulePage(t, filepath.Join("docs", "rules", rule+".md"))
	}
	// reported lints a page's example with a configuration and says whether its rule
	// reported anything.
	reported := func(t *testing.T, config, rule string) bool {
		t.Helper()
		ex := pages[rule]
		files := map[string]string{"main.tf": ex.example}
		if ex.completion != "" {
			files["completion.tf"] = ex.completion
		}
		for _, f := range lintDocFilesWith(t, nil, config, files) {
			if strings.HasSuffix(f.text, "("+rule+")") {
				return true
			}
		}
		return false
	}

	presets := docBlock(t, doc, "<!-- config: presets -->")
	if !strings.Contains(presets, `preset  = "recommended"`) {
		t.Fatalf("%s: the presets example no longer sets the recommended preset:\n%s", doc, presets)
	}
	for preset, want := range map[string]bool{"recommended": false, "all": true} {
		config := strings.Replace(presets, `"recommended"`, `"`+preset+`"`, 1)
		if !reported(t, config, "fargate_task_network_mode") {
			t.Errorf("preset %s: fargate_task_network_mode (recommended) reports nothing", preset)
		}
		if got := reported(t, config, "fargate_service_default_security_group"); got != want {
			t.Errorf("preset %s: fargate_service_default_security_group (all) reports: %v, want %v", preset, got, want)
		}
	}

	rules := "plugin \"fargate\" {\n  enabled = true\n}\n\n" + docBlock(t, doc, "<!-- config: rules -->")
	if reported(t, rules, "fargate_task_role") {
		t.Errorf("the rule block that disables fargate_task_role leaves it on")
	}
	if !reported(t, rules, "fargate_service_default_security_group") {
		t.Errorf("the rule block that enables fargate_service_default_security_group leaves it off")
	}

	ignored := docBlock(t, doc, "<!-- example: ignore -->")
	config := "plugin \"fargate\" {\n  enabled = true\n}\n"
	if got := lintDocFilesWith(t, nil, config, map[string]string{"main.tf": ignored}); len(got) > 0 {
		t.Errorf("the ignore comment example still reports %v", got)
	}
	var without []string
	commentLine := 0
	for i, line := range strings.Split(ignored, "\n") {
		if strings.Contains(line, "tflint-ignore") {
			commentLine = i + 1
			continue
		}
		without = append(without, line)
	}
	got := lintDocFilesWith(t, nil, config, map[string]string{"main.tf": strings.Join(without, "\n")})
	if len(got) != 1 || got[0].line != commentLine || !strings.HasSuffix(got[0].text, "(fargate_task_network_mode)") {
		t.Errorf("without its comment, the ignore example should report fargate_task_network_mode on line %d; got %v", commentLine, got)
	}
}

// TestDocsExampleConfigLocalBuild holds the commented local-build form of the fargate
// plugin block in docs/example.tflint.hcl to the released form: the same block without
// version and source, and a configuration the linter loads.
func TestDocsExampleConfigLocalBuild(t *testing.T) {
	t.Parallel()
	const file = "docs/example.tflint.hcl"
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var local []string
	in := false
	for _, line := range strings.Split(string(src), "\n") {
		if strings.TrimSpace(line) == `# plugin "fargate" {` {
			in = true
		}
		if in {
			if !strings.HasPrefix(line, "#") {
				break
			}
			local = append(local, strings.TrimPrefix(strings.TrimPrefix(line, "#"), " "))
		}
	}
	if len(local) == 0 {
		t.Fatalf("%s shows no commented local-build plugin block", file)
	}
	released := string(documentedConfig(t))
	start := strings.Index(released, `plugin "fargate" {`)
	end := strings.Index(released[start:], "\n}") + start + 2
	normalize := func(s string) string {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			if l = strings.Join(strings.Fields(l), " "); l != "" {
				out = append(out, l)
			}
		}
		return strings.Join(out, "\n")
	}
	if got, want := normalize(strings.Join(local, "\n")), normalize(released[start:end]); got != want {
		t.Errorf("%s: the local-build block differs from the released one without version and source:\n%s\nwant:\n%s", file, got, want)
	}
	ex := readRulePage(t, filepath.Join("docs", "rules", "fargate_task_network_mode.md"))
	if got := lintDocFilesWith(t, nil, strings.Join(local, "\n"), map[string]string{"main.tf": ex.example}); len(got) == 0 {
		t.Errorf("with the local-build block, the linter reports nothing on fargate_task_network_mode's example")
	}
}
