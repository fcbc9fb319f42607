package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"text/template"

	"go.yaml.in/yaml/v3"
)

// goreleaserConfig is the part of .goreleaser.yml that decides what a release holds.
type goreleaserConfig struct {
	ProjectName string `yaml:"project_name"`
	Builds      []struct {
		Binary string
		Goos   []string
		Goarch []string
		Ignore []struct{ Goos, Goarch string }
	}
	Archives []struct {
		Formats      []string
		NameTemplate string `yaml:"name_template"`
		Files        []string
	}
	Checksum struct {
		NameTemplate string `yaml:"name_template"`
	}
}

// TestReleaseArchives checks .goreleaser.yml produces exactly what `tflint --init`
// downloads: tflint-ruleset-fargate_<os>_<arch>.zip holding only the binary
// tflint-ruleset-fargate, and checksums.txt.
func TestReleaseArchives(t *testing.T) {
	src, err := os.ReadFile(".goreleaser.yml")
	if err != nil {
		t.Fatal(err)
	}
	var cfg goreleaserConfig
	if err := yaml.Unmarshal(src, &cfg); err != nil {
		t.Fatalf(".goreleaser.yml: %v", err)
	}
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
