package hclnative

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fargate-lint/tflint-ruleset-fargate/bench/stacks"
)

// FuzzParse checks, for any input, that the parser does not panic and that
// whenever Parse accepts the input, hclsyntax reports no diagnostics for it
// and builds an identical tree. It is seeded with the table snippets, the
// repository's .tf files, generated files and a sample of the benchmark
// module.
func FuzzParse(f *testing.F) {
	for _, src := range tableSources() {
		f.Add([]byte(src))
	}
	root, err := filepath.Abs("..")
	if err != nil {
		f.Fatal(err)
	}
	_ = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".tf") {
			if src, err := os.ReadFile(path); err == nil {
				f.Add(src)
			}
		}
		return nil
	})
	rnd := rand.New(rand.NewSource(2))
	for i := 0; i < 50; i++ {
		f.Add(generate(rnd))
	}
	// Real-world files make good seeds too, when a corpus is at hand (see
	// TestExternalCorpus).
	if dir := os.Getenv("HCLNATIVE_CORPUS"); dir != "" {
		_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".tf") {
				if src, err := os.ReadFile(path); err == nil && len(src) < 8<<10 {
					f.Add(src)
				}
			}
			return nil
		})
	}
	f.Add([]byte(stacks.Files(2, 2)["stacks_000.tf"]))
	f.Add([]byte(stacks.ModuleFiles(2, 2)["services_000.tf"]))
	f.Add([]byte(stacks.ModuleFiles(2, 2)["modules/service/main.tf"]))

	f.Fuzz(func(t *testing.T, src []byte) {
		checkIdentical(t, src)
	})
}
