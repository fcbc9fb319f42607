package config

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/hclnative"
)

// The configuration reads the root module's files through tflint (one transfer of the files that
// can matter, parsed in the plugin in parallel), and the files of the modules it calls
// from disk: local sources relative to their caller, remote ones where `terraform init`
// (or `tofu init`) installed them, as .terraform/modules/modules.json records.

// moduleDef is what one module directory declares; every instance of the module shares
// it.
type moduleDef struct {
	// dir is the module's directory as tflint names files: relative to the directory
	// tflint was started in (or absolute).
	dir       string
	locals    map[string]hcl.Expression
	variables map[string]*hcl.Block
	outputs   map[string]hcl.Expression
	resources []*hcl.Block
	data      []*hcl.Block
	// others are the resource and data blocks of types the schema does not name: only
	// their references are read, to tell what Terraform creates first.
	others    []*hcl.Block
	calls     []*hcl.Block
	providers []*hcl.Block
	// userCode is false for a module installed under .terraform: its files are not the
	// user's to edit, so findings there move to the call that leads to it.
	userCode bool
}

// call returns the module block named name, or nil.
func (def *moduleDef) call(name string) *hcl.Block {
	for _, b := range def.calls {
		if b.Labels[0] == name {
			return b
		}
	}
	return nil
}

// indexSchema finds which files of the root module can matter, without their content.
var indexSchema = &hclext.BodySchema{
	Blocks: []hclext.BlockSchema{
		{Type: "locals"},
		{Type: "resource", LabelNames: []string{"type", "name"}},
		{Type: "data", LabelNames: []string{"type", "name"}},
		{Type: "provider", LabelNames: []string{"name"}},
		{Type: "module", LabelNames: []string{"name"}},
		{Type: "output", LabelNames: []string{"name"}},
		{Type: "variable", LabelNames: []string{"name"}, Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "default"}}}},
	},
}

// fileSchema picks the same blocks out of each file the configuration parses.
var fileSchema = func() *hcl.BodySchema {
	s := &hcl.BodySchema{}
	for _, b := range indexSchema.Blocks {
		s.Blocks = append(s.Blocks, hcl.BlockHeaderSchema{Type: b.Type, LabelNames: b.LabelNames})
	}
	return s
}()

// wantedFile reports whether a block makes its file worth reading.
func wantedFile(b *hclext.Block, schema Schema) bool {
	switch b.Type {
	case "locals", "module", "output":
		return true
	case "provider":
		return slices.Contains(schema.Providers, b.Labels[0])
	case "resource", "data":
		// Every resource and data source: the configuration reads those of the schema,
		// and the references of all of them, since Terraform orders resources by
		// references.
		return true
	}
	return false
}

// readRoot fetches and parses, in parallel, the files of the root module that can matter
// to a rule; the others are never transferred.
func readRoot(runner tflint.Runner, schema Schema) (map[string]*hcl.File, *hclext.BodyContent, error) {
	index, err := runner.GetModuleContent(indexSchema, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
	if err != nil {
		return nil, nil, fmt.Errorf("listing the module's files: %w", err)
	}
	wanted := map[string]bool{}
	for _, b := range index.Blocks {
		if wantedFile(b, schema) {
			wanted[b.DefRange.Filename] = true
		}
	}
	names := make([]string, 0, len(wanted))
	for name := range wanted {
		names = append(names, name)
	}
	files := map[string]*hcl.File{}
	var mu sync.Mutex
	var firstErr error
	parallel(names, func(name string) {
		f, err := runner.GetFile(name)
		mu.Lock()
		defer mu.Unlock()
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("reading %s: %w", name, err)
		}
		if f != nil {
			files[name] = f
		}
	})
	return files, index, firstErr
}

// parallel runs fn over items on a few goroutines.
func parallel(items []string, fn func(string)) {
	work := make(chan string, len(items))
	for _, it := range items {
		work <- it
	}
	close(work)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), 4, len(items)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range work {
				fn(it)
			}
		}()
	}
	wg.Wait()
}

// newDef reads the blocks of a module's parsed files.
func newDef(dir string, files map[string]*hcl.File, schema Schema) *moduleDef {
	def := &moduleDef{
		dir:       dir,
		locals:    map[string]hcl.Expression{},
		variables: map[string]*hcl.Block{},
		outputs:   map[string]hcl.Expression{},
		userCode:  !underDotTerraform(dir),
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		content, _, _ := files[name].Body.PartialContent(fileSchema)
		for _, b := range content.Blocks {
			switch b.Type {
			case "locals":
				attrs, _ := b.Body.JustAttributes()
				for n, a := range attrs {
					def.locals[n] = a.Expr
				}
			case "resource":
				if schema.Resources[b.Labels[0]] != nil {
					def.resources = append(def.resources, b)
				} else {
					def.others = append(def.others, b)
				}
			case "data":
				if schema.Data != nil && schema.Data.Answers(b.Labels[0]) {
					def.data = append(def.data, b)
				} else {
					def.others = append(def.others, b)
				}
			case "provider":
				if slices.Contains(schema.Providers, b.Labels[0]) {
					def.providers = append(def.providers, b)
				}
			case "module":
				def.calls = append(def.calls, b)
			case "output":
				attrs, _ := b.Body.JustAttributes()
				if a := attrs["value"]; a != nil {
					def.outputs[b.Labels[0]] = a.Expr
				}
			case "variable":
				def.variables[b.Labels[0]] = b
			}
		}
	}
	return def
}

// underDotTerraform reports whether a path lies in a .terraform folder, where
// `terraform init` installs remote modules.
func underDotTerraform(path string) bool {
	for _, part := range strings.Split(filepath.ToSlash(path), "/") {
		if part == ".terraform" {
			return true
		}
	}
	return false
}

// Configuration files are .tf and .tf.json, and for OpenTofu (1.8+) .tofu and .tofu.json,
// which replace the .tf or .tf.json file of the same base name in the same folder.
// tflint reads only the first two kinds; the configuration reads them all, as OpenTofu does.

// configFiles returns the names of the configuration files among a folder's entries,
// without override files (the configuration does not merge them) and without the .tf files a
// .tofu file replaces.
func configFiles(entries []os.DirEntry) (names []string, replaced map[string]bool) {
	present := map[string]bool{}
	for _, e := range entries {
		if !e.IsDir() {
			present[e.Name()] = true
		}
	}
	replaced = map[string]bool{}
	for n := range present {
		base, ext, ok := splitConfigName(n)
		if !ok || base == "override" || strings.HasSuffix(base, "_override") {
			continue
		}
		switch ext {
		case ".tf":
			if present[base+".tofu"] {
				replaced[n] = true
				continue
			}
		case ".tf.json":
			if present[base+".tofu.json"] {
				replaced[n] = true
				continue
			}
		}
		names = append(names, n)
	}
	sort.Strings(names)
	return names, replaced
}

// splitConfigName splits a configuration file name into its base and extension.
func splitConfigName(name string) (base, ext string, ok bool) {
	for _, ext := range []string{".tofu.json", ".tf.json", ".tofu", ".tf"} {
		if b, found := strings.CutSuffix(name, ext); found && b != "" {
			return b, ext, true
		}
	}
	return "", "", false
}

// isTofuFile reports whether a file is an OpenTofu-only configuration file.
func isTofuFile(name string) bool {
	return strings.HasSuffix(name, ".tofu") || strings.HasSuffix(name, ".tofu.json")
}

// readDir reads and parses the configuration files of a module directory from disk;
// name is the directory as tflint names files, path where it is on disk. With tofuOnly,
// it reads the .tofu and .tofu.json files only (tflint has given the others), and says
// which .tf files they replace.
func readDir(name, path string, tofuOnly bool) (map[string]*hcl.File, map[string]bool, error) {
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, nil, err
	}
	all, replaced := configFiles(entries)
	var names []string
	for _, n := range all {
		if !tofuOnly || isTofuFile(n) {
			names = append(names, n)
		}
	}
	files := map[string]*hcl.File{}
	var mu sync.Mutex
	parallel(names, func(n string) {
		src, err := os.ReadFile(filepath.Join(path, n))
		if err != nil {
			return
		}
		var f *hcl.File
		var diags hcl.Diagnostics
		if strings.HasSuffix(n, ".json") {
			f, diags = hcljson.Parse(src, filepath.Join(name, n))
		} else {
			f, diags = hclnative.ParseConfig(src, filepath.Join(name, n))
		}
		if diags.HasErrors() || f == nil {
			return
		}
		mu.Lock()
		files[filepath.Join(name, n)] = f
		mu.Unlock()
	})
	named := map[string]bool{}
	for n := range replaced {
		named[filepath.Join(name, n)] = true
	}
	return files, named, nil
}

// manifest is what `terraform init` records of installed modules.
type manifest struct {
	Modules []struct {
		Key string
		Dir string
	}
}

// readManifest reads .terraform/modules/modules.json of the root module in rootPath;
// module directories in it are relative to the root module.
func readManifest(rootPath string) map[string]string {
	src, err := os.ReadFile(filepath.Join(rootPath, ".terraform", "modules", "modules.json"))
	if err != nil {
		return nil
	}
	var m manifest
	if json.Unmarshal(src, &m) != nil {
		return nil
	}
	dirs := map[string]string{}
	for _, mod := range m.Modules {
		if mod.Key != "" {
			dirs[mod.Key] = filepath.FromSlash(mod.Dir)
		}
	}
	return dirs
}
