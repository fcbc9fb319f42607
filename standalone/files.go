package standalone

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	hcljson "github.com/hashicorp/hcl/v2/json"

	"github.com/fargate-lint/tflint-ruleset-fargate/hclnative"
)

// moduleFiles are the Terraform files of one module folder, read once and parsed in
// parallel. Files are named as tflint names them: the folder's path relative to the
// directory the linter was started in, joined with the file name.
type moduleFiles struct {
	// primaries and overrides are file names in lexical order; override files
	// (override.tf, *_override.tf) are merged over the others as Terraform does.
	primaries []string
	overrides []string
	files     map[string]*hcl.File
	sources   map[string][]byte
}

// configFileExt returns ".tf" or ".tf.json" for a Terraform file name, else "".
func configFileExt(name string) string {
	switch {
	case strings.HasSuffix(name, ".tf"):
		return ".tf"
	case strings.HasSuffix(name, ".tf.json"):
		return ".tf.json"
	}
	return ""
}

// editorFile reports whether a file name is a hidden file or an editor's backup.
func editorFile(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		(strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"))
}

// terraformFiles lists the Terraform file names of the folder at path.
func terraformFiles(path string) ([]string, error) {
	entries, err := terraformEntries(path)
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	return names, err
}

// terraformEntries lists the Terraform files of the folder at path, in name order.
func terraformEntries(path string) ([]os.DirEntry, error) {
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, err
	}
	var out []os.DirEntry
	for _, e := range entries {
		if !e.IsDir() && configFileExt(e.Name()) != "" && !editorFile(e.Name()) {
			out = append(out, e)
		}
	}
	return out, nil
}

// isOverride reports whether a Terraform file is an override file.
func isOverride(name string) bool {
	base := strings.TrimSuffix(name, configFileExt(name))
	return base == "override" || strings.HasSuffix(base, "_override")
}

// readModule reads and parses the Terraform files of the folder at path; prefix is how
// file names start (the folder relative to where the linter started). Syntax errors of
// every file are returned together.
func readModule(path, prefix string) (*moduleFiles, hcl.Diagnostics) {
	entries, err := terraformEntries(path)
	if err != nil {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cannot read the module folder",
			Detail:   err.Error(),
			Subject:  &hcl.Range{},
		}}
	}
	names := make([]string, len(entries))
	// The largest files are parsed first, so that the workers finish together.
	order := make([]int, len(entries))
	sizes := make([]int64, len(entries))
	for i, e := range entries {
		names[i], order[i] = e.Name(), i
		if info, err := e.Info(); err == nil {
			sizes[i] = info.Size()
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return sizes[order[a]] > sizes[order[b]] })
	type parsed struct {
		src   []byte
		file  *hcl.File
		diags hcl.Diagnostics
	}
	results := make([]parsed, len(names))
	eachParallel(len(names), func(k int) {
		i := order[k]
		name := filepath.Join(prefix, names[i])
		src, err := os.ReadFile(filepath.Join(path, names[i]))
		if err != nil {
			results[i].diags = hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cannot read a file", Detail: err.Error(), Subject: &hcl.Range{Filename: name}}}
			return
		}
		results[i].src = src
		results[i].file, results[i].diags = parseFile(name, src)
	})
	m := &moduleFiles{files: make(map[string]*hcl.File, len(names)), sources: make(map[string][]byte, len(names))}
	var diags hcl.Diagnostics
	for i, n := range names {
		name := filepath.Join(prefix, n)
		diags = append(diags, results[i].diags...)
		if results[i].src != nil {
			// Kept even when it does not parse, for error reports to quote.
			m.sources[name] = results[i].src
		}
		if results[i].diags.HasErrors() {
			continue
		}
		m.files[name] = results[i].file
		if isOverride(n) {
			m.overrides = append(m.overrides, name)
		} else {
			m.primaries = append(m.primaries, name)
		}
	}
	return m, diags
}

// parseFile parses one Terraform file: native syntax, or JSON for a .json name.
func parseFile(name string, src []byte) (*hcl.File, hcl.Diagnostics) {
	if strings.HasSuffix(name, ".json") {
		return hcljson.Parse(src, name)
	}
	return hclnative.ParseConfig(src, name)
}

// names returns the module's file names: primaries, then overrides.
func (m *moduleFiles) names() []string {
	return append(append([]string{}, m.primaries...), m.overrides...)
}

// replace puts new text in place of a file's; it fails, changing nothing, when the new
// text does not parse.
func (m *moduleFiles) replace(name string, src []byte) hcl.Diagnostics {
	file, diags := parseFile(name, src)
	if diags.HasErrors() {
		return diags
	}
	m.files[name] = file
	m.sources[name] = src
	return nil
}

// eachParallel calls fn(0) ... fn(n-1) on as many goroutines as there are CPUs.
func eachParallel(n int, fn func(int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := int(next.Add(1) - 1); j < n; j = int(next.Add(1) - 1) {
				fn(j)
			}
		})
	}
	wg.Wait()
}

// writeChanges writes the files --fix rewrote.
func writeChanges(res *result) error {
	for name, src := range res.changes {
		path := res.files[name]
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
		if err == nil {
			_, err = f.Write(src)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			return fmt.Errorf("writing the fixes of %s: %w", name, err)
		}
	}
	return nil
}
