package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"text/template"

	"go.yaml.in/yaml/v3"

	"github.com/fargate-lint/tflint-ruleset-fargate/project"
)

// goreleaserConfig is the part of .goreleaser.yml that decides what a release holds.
type goreleaserConfig struct {
	ProjectName string `yaml:"project_name"`
	Builds      []struct {
		Binary  string
		Ldflags []string
		Goos    []string
		Goarch  []string
		Ignore  []struct{ Goos, Goarch string }
	}
	Archives []struct {
		Formats      []string
		NameTemplate string `yaml:"name_template"`
		Files        []string
	}
	Checksum struct {
		NameTemplate string `yaml:"name_template"`
	}
	Snapshot struct {
		VersionTemplate string `yaml:"version_template"`
	}
}

// readGoreleaserConfig reads .goreleaser.yml.
func readGoreleaserConfig(t *testing.T) goreleaserConfig {
	t.Helper()
	src, err := os.ReadFile(".goreleaser.yml")
	if err != nil {
		t.Fatal(err)
	}
	var cfg goreleaserConfig
	if err := yaml.Unmarshal(src, &cfg); err != nil {
		t.Fatalf(".goreleaser.yml: %v", err)
	}
	return cfg
}

// goreleaserTemplate renders a goreleaser template with the given fields.
func goreleaserTemplate(t *testing.T, text string, fields map[string]string) string {
	t.Helper()
	tmpl, err := template.New("goreleaser").Option("missingkey=error").Parse(text)
	if err != nil {
		t.Fatalf("template %q: %v", text, err)
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, fields); err != nil {
		t.Fatalf("template %q: %v", text, err)
	}
	return b.String()
}

// TestReleaseArchives checks .goreleaser.yml produces exactly what `tflint --init`
// downloads: tflint-ruleset-fargate_<os>_<arch>.zip holding only the binary
// tflint-ruleset-fargate, and checksums.txt.
func TestReleaseArchives(t *testing.T) {
	cfg := readGoreleaserConfig(t)
	if len(cfg.Builds) != 1 || len(cfg.Archives) != 1 {
		t.Fatalf("want one build and one archive, got %d and %d", len(cfg.Builds), len(cfg.Archives))
	}
	build, archive := cfg.Builds[0], cfg.Archives[0]
	if build.Binary != "tflint-ruleset-fargate" {
		t.Errorf("binary %q: tflint looks for tflint-ruleset-fargate in the zip", build.Binary)
	}
	if !slices.Equal(archive.Formats, []string{"zip"}) {
		t.Errorf("archive formats %v, want [zip]", archive.Formats)
	}
	if !slices.Equal(archive.Files, []string{"none*"}) {
		t.Errorf("archive files %v: the zip must hold only the binary (files: [none*])", archive.Files)
	}
	if cfg.Checksum.NameTemplate != "checksums.txt" {
		t.Errorf("checksum file %q, want checksums.txt", cfg.Checksum.NameTemplate)
	}

	name := template.Must(template.New("archive").Parse(archive.NameTemplate))
	built := map[string]bool{}
	for _, goos := range build.Goos {
		for _, goarch := range build.Goarch {
			if slices.ContainsFunc(build.Ignore, func(i struct{ Goos, Goarch string }) bool { return i.Goos == goos && i.Goarch == goarch }) {
				continue
			}
			var b strings.Builder
			if err := name.Execute(&b, map[string]string{"ProjectName": cfg.ProjectName, "Os": goos, "Arch": goarch}); err != nil {
				t.Fatal(err)
			}
			// tflint's installer asks for tflint-ruleset-<name>_<GOOS>_<GOARCH>.zip.
			if want := "tflint-ruleset-fargate_" + goos + "_" + goarch; b.String() != want {
				t.Errorf("archive for %s/%s is %q.zip, tflint downloads %s.zip", goos, goarch, b.String(), want)
			}
			built[goos+"/"+goarch] = true
		}
	}
	for _, platform := range []string{"linux/amd64", "linux/arm64", "linux/386", "linux/arm", "darwin/amd64", "darwin/arm64", "windows/amd64", "windows/arm64"} {
		if !built[platform] {
			t.Errorf("no archive for %s", platform)
		}
	}

	// The README's Releases section lists the platforms as "Linux (amd64, arm64, ...)".
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, releases, _ := strings.Cut(string(readme), "\n## Releases\n")
	releases, _, _ = strings.Cut(releases, "\n## ")
	documented := map[string]bool{}
	goos := map[string]string{"Linux": "linux", "macOS": "darwin", "Windows": "windows"}
	for _, m := range regexp.MustCompile(`(Linux|macOS|Windows) \(([^)]*)\)`).FindAllStringSubmatch(strings.Join(strings.Fields(releases), " "), -1) {
		for _, arch := range strings.Split(m[2], ",") {
			documented[goos[m[1]]+"/"+strings.TrimSpace(arch)] = true
		}
	}
	for platform := range built {
		if !documented[platform] {
			t.Errorf("README.md's Releases section does not list %s, which is built", platform)
		}
	}
	for platform := range documented {
		if !built[platform] {
			t.Errorf("README.md's Releases section lists %s, which is not built", platform)
		}
	}
}

// TestReleaseRefusesOtherTags runs the release workflow's tag check as GitHub runs it
// (bash -e, in the repository root): a tag naming project.Version passes, any other tag
// fails the workflow before goreleaser runs.
func TestReleaseRefusesOtherTags(t *testing.T) {
	bash := needPOSIXShell(t, "bash")
	src, err := os.ReadFile(filepath.Join(".github", "workflows", "release.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var workflow struct {
		Jobs map[string]struct {
			Steps []struct{ Name, Uses, Run string }
		}
	}
	if err := yaml.Unmarshal(src, &workflow); err != nil {
		t.Fatal(err)
	}
	check, goreleaser := -1, -1
	var script string
	for i, step := range workflow.Jobs["goreleaser"].Steps {
		switch {
		case strings.Contains(step.Run, "GITHUB_REF_NAME") && strings.Contains(step.Run, "project/project.go"):
			check, script = i, step.Run
		case strings.HasPrefix(step.Uses, "goreleaser/goreleaser-action@"):
			goreleaser = i
		}
	}
	if check < 0 || goreleaser < 0 || check > goreleaser {
		t.Fatalf("release.yml must compare the tag with project.Version in project/project.go before goreleaser runs (check at step %d, goreleaser at %d)", check, goreleaser)
	}
	for _, tc := range []struct {
		tag  string
		pass bool
	}{
		{"v" + project.Version, true},
		{"v" + project.Version + ".1", false},
		{"v9.9.9", false},
		{project.Version + "-rc", false},
	} {
		cmd := exec.Command(bash, "-e", "-c", script)
		cmd.Env = append(os.Environ(), "GITHUB_REF_NAME="+tc.tag)
		out, code := run(t, cmd)
		if (code == 0) != tc.pass {
			t.Errorf("tag %s with project.Version %s: exit %d, want the check to %s\n%s", tc.tag, project.Version, code, map[bool]string{true: "pass", false: "fail"}[tc.pass], out)
		}
	}
}

// TestReleaseSnapshotVersion builds the plugin with .goreleaser.yml's ldflags as a
// snapshot build gets them, and checks tflint shows the snapshot version and the rules
// link to the docs of main, not to a release tag.
func TestReleaseSnapshotVersion(t *testing.T) {
	cfg := readGoreleaserConfig(t)
	if len(cfg.Builds) != 1 {
		t.Fatalf("want one build, got %d", len(cfg.Builds))
	}
	if release := goreleaserTemplate(t, strings.Join(cfg.Builds[0].Ldflags, " "), map[string]string{"Version": project.Version}); !strings.Contains(release, "/project.Version="+project.Version) {
		t.Fatalf("the ldflags of a release %q do not set project.Version to the tag's version", release)
	}
	snapshot := goreleaserTemplate(t, cfg.Snapshot.VersionTemplate, map[string]string{"Version": project.Version, "ShortCommit": "1a2b3c4"})
	if want := project.Version + "-SNAPSHOT-1a2b3c4"; snapshot != want {
		t.Fatalf("snapshot version %q, want %q", snapshot, want)
	}
	ldflags := goreleaserTemplate(t, strings.Join(cfg.Builds[0].Ldflags, " "), map[string]string{"Version": snapshot})

	pluginDir := t.TempDir()
	name := "tflint-ruleset-fargate"
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	build := exec.Command("go", "build", "-ldflags", ldflags, "-o", filepath.Join(pluginDir, name), ".")
	if out, code := run(t, build); code != 0 {
		t.Fatalf("go build -ldflags %q: exit %d\n%s", ldflags, code, out)
	}
	dir := copyCase(t, filepath.Join("testdata", "jsonencode_locals"))
	version := exec.Command(tflintPath(t), "--version")
	version.Dir, version.Env = dir, append(os.Environ(), "TFLINT_PLUGIN_DIR="+pluginDir)
	if out, _ := run(t, version); !strings.Contains(out, "ruleset.fargate ("+snapshot+")") {
		t.Errorf("tflint --version does not show the snapshot version %s:\n%s", snapshot, out)
	}
	report := runIn(t, tflintPath(t), pluginDir, dir, []string{"--config", ".tflint.hcl"})
	var issues struct {
		Issues []struct{ Rule struct{ Name, Link string } }
	}
	if err := json.Unmarshal(report, &issues); err != nil || len(issues.Issues) == 0 {
		t.Fatalf("no issues in the report (%v):\n%s", err, report)
	}
	for _, issue := range issues.Issues {
		if want := "https://github.com/fargate-lint/tflint-ruleset-fargate/blob/main/docs/rules/" + issue.Rule.Name + ".md"; issue.Rule.Link != want {
			t.Errorf("%s: a snapshot build links %q, want %q", issue.Rule.Name, issue.Rule.Link, want)
		}
	}
}

// TestWorkflows checks the GitHub workflows are valid YAML and that the release workflow
// runs goreleaser on v* tags and attests checksums.txt.
func TestWorkflows(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(".github", "workflows", "*.yml"))
	if len(files) < 2 {
		t.Fatalf("want the ci and release workflows, found %v", files)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := yaml.Unmarshal(src, &doc); err != nil {
			t.Errorf("%s is not valid YAML: %v", f, err)
			continue
		}
		if doc["jobs"] == nil || doc["on"] == nil {
			t.Errorf("%s lacks on: or jobs:", f)
		}
	}
	release, err := os.ReadFile(filepath.Join(".github", "workflows", "release.yml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`- "v*"`, "goreleaser/goreleaser-action", "actions/attest-build-provenance", "subject-path: dist/checksums.txt"} {
		if !strings.Contains(string(release), want) {
			t.Errorf("release.yml lacks %q", want)
		}
	}
}
