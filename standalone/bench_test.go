package standalone

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/fargate-lint/tflint-ruleset-fargate/bench/stacks"
)

// BenchmarkRun lints the make bench module (1,000 stacks, all preset) as the binary
// does: reading, parsing, the model and every rule, and the compact report.
func BenchmarkRun(b *testing.B) {
	dir := b.TempDir()
	for name, src := range stacks.Files(1000, 50) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	config := filepath.Join(dir, "with.hcl")
	if err := os.WriteFile(config, []byte("plugin \"fargate\" {\n  enabled = true\n  preset  = \"all\"\n}\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if code := Run([]string{"--chdir", dir, "--config", config, "--format", "compact"}, io.Discard, io.Discard); code != ExitOK {
			b.Fatalf("exit status %d on the clean bench module", code)
		}
	}
}
