package hclnative

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/fargate-lint/tflint-ruleset-fargate/bench/stacks"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// corpusStats counts the outcome of the differential check over a corpus.
type corpusStats struct {
	files, valid, accepted int
	reasons                map[string]int // why valid files were declined
}

// check runs the differential check on one file and counts it.
func (s *corpusStats) check(t *testing.T, name string, src []byte) {
	t.Helper()
	s.files++
	if _, diags := hclsyntax.ParseConfig(src, "test.tf", hcl.InitialPos); !diags.HasErrors() && len(diags) == 0 {
		s.valid++
	}
	accepted, diff := compareWithHCLSyntax(src)
	if diff != "" {
		t.Errorf("%s: %s", name, diff)
	}
	if accepted {
		s.accepted++
		return
	}
	if _, reason := parseBody(src, "test.tf"); reason != "" {
		if _, diags := hclsyntax.ParseConfig(src, "test.tf", hcl.InitialPos); len(diags) == 0 {
			if s.reasons == nil {
				s.reasons = map[string]int{}
			}
			s.reasons[reason]++
		}
	}
}

// report logs the acceptance rate: files accepted among the files hclsyntax
// parses without diagnostics, and the commonest reasons for declining those.
func (s *corpusStats) report(t *testing.T, corpus string) {
	t.Helper()
	rate := 100.0
	if s.valid > 0 {
		rate = 100 * float64(s.accepted) / float64(s.valid)
	}
	t.Logf("%s: %d files, %d valid for hclsyntax, %d accepted (%.2f%% of valid)", corpus, s.files, s.valid, s.accepted, rate)
	type count struct {
		reason string
		n      int
	}
	var counts []count
	for r, n := range s.reasons {
		counts = append(counts, count{r, n})
	}
	sort.Slice(counts, func(i, j int) bool { return counts[i].n > counts[j].n })
	for i, c := range counts {
		if i == 10 {
			break
		}
		t.Logf("  declined %d valid files: %s", c.n, c.reason)
	}
}

// repoRoot returns the repository's root folder.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// walkTF calls fn for every .tf file under root, skipping .git folders.
func walkTF(t *testing.T, root string, fn func(path string, src []byte)) {
	t.Helper()
	walkFiles(t, root, []string{".tf"}, fn)
}

// walkFiles calls fn for every file under root whose name ends with one of
// the suffixes, skipping .git folders.
func walkFiles(t *testing.T, root string, suffixes []string, fn func(path string, src []byte)) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable entries are not part of the corpus
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if d.IsDir() || !hasAnySuffix(path, suffixes) {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		fn(path, src)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestRepositoryCorpus runs the differential check over every .tf file of
// the repository.
func TestRepositoryCorpus(t *testing.T) {
	var stats corpusStats
	walkTF(t, repoRoot(t), func(path string, src []byte) {
		stats.check(t, path, src)
	})
	stats.report(t, "repository .tf files")
	if stats.files == 0 {
		t.Fatal("no .tf files found")
	}
}

// TestBenchModuleCorpus runs the differential check over the benchmark
// modules, every file of which must be accepted.
func TestBenchModuleCorpus(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"stacks.Files":       stacks.Files(1000, 50),
		"stacks.ModuleFiles": stacks.ModuleFiles(1000, 50),
	} {
		var stats corpusStats
		for file, src := range files {
			stats.check(t, name+"/"+file, []byte(src))
		}
		stats.report(t, name)
		if stats.accepted != stats.files {
			t.Errorf("%s: only %d of %d files accepted", name, stats.accepted, stats.files)
		}
	}
}

// hasAnySuffix reports whether s ends with one of the suffixes.
func hasAnySuffix(s string, suffixes []string) bool {
	for _, suffix := range suffixes {
		if strings.HasSuffix(s, suffix) {
			return true
		}
	}
	return false
}

// TestExternalCorpus runs the differential check over every file of native
// syntax (.tf, .tofu, .tfvars, .hcl) under the folder named by
// HCLNATIVE_CORPUS, for checking against real-world configurations that are
// not part of the repository.
func TestExternalCorpus(t *testing.T) {
	root := os.Getenv("HCLNATIVE_CORPUS")
	if root == "" {
		t.Skip("HCLNATIVE_CORPUS not set")
	}
	var stats corpusStats
	walkFiles(t, root, []string{".tf", ".tofu", ".tfvars", ".hcl"}, func(path string, src []byte) {
		stats.check(t, path, src)
	})
	stats.report(t, root)
}
