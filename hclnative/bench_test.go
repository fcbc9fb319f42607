package hclnative

import (
	"sort"
	"testing"

	"github.com/fargate-lint/tflint-ruleset-fargate/bench/stacks"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// benchFiles returns the benchmark module's files (stacks.Files(1000, 50)),
// in a fixed order, and their total size.
func benchFiles() ([][]byte, int64) {
	files := stacks.Files(1000, 50)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var out [][]byte
	var size int64
	for _, name := range names {
		out = append(out, []byte(files[name]))
		size += int64(len(files[name]))
	}
	return out, size
}

// BenchmarkParse parses the benchmark module's files one after the other
// with Parse.
func BenchmarkParse(b *testing.B) {
	files, size := benchFiles()
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range files {
			if _, ok := Parse(src, "bench.tf"); !ok {
				b.Fatal("declined")
			}
		}
	}
}

// BenchmarkHCLSyntax parses the same files with hclsyntax.ParseConfig, for
// comparison.
func BenchmarkHCLSyntax(b *testing.B) {
	files, size := benchFiles()
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range files {
			if _, diags := hclsyntax.ParseConfig(src, "bench.tf", hcl.InitialPos); diags.HasErrors() {
				b.Fatal(diags)
			}
		}
	}
}
