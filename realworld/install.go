package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// candidate is one cached release of a registry module.
type candidate struct {
	Version *version.Version
	Dir     string // absolute path of the cached copy
}

// registry maps a registry module address (namespace/name/provider) to its cached releases.
type registry map[string][]candidate

// newRegistry indexes the cached entries whose repository follows the registry's naming
// (owner/terraform-<provider>-<name>) and whose ref is a version.
func newRegistry(entries []entry, cache string) registry {
	reg := registry{}
	for _, e := range entries {
		owner, name, ok := strings.Cut(e.Repo, "/")
		if !ok || !strings.HasPrefix(name, "terraform-") {
			continue
		}
		provider, modName, ok := strings.Cut(strings.TrimPrefix(name, "terraform-"), "-")
		if !ok {
			continue
		}
		v, err := version.NewVersion(e.Ref)
		if err != nil {
			continue
		}
		dir := filepath.Join(cache, e.Dir())
		if _, err := os.Stat(dir); err != nil {
			continue
		}
		addr := owner + "/" + modName + "/" + provider
		reg[addr] = append(reg[addr], candidate{v, dir})
	}
	for _, c := range reg {
		sort.Slice(c, func(i, j int) bool { return c[i].Version.GreaterThan(c[j].Version) })
	}
	return reg
}

// pick returns the newest cached release of addr that meets the constraint.
func (r registry) pick(addr, constraint string) (candidate, bool) {
	var cons version.Constraints
	if constraint != "" {
		c, err := version.NewConstraint(constraint)
		if err != nil {
			return candidate{}, false
		}
		cons = c
	}
	for _, c := range r[addr] {
		if cons == nil || cons.Check(c.Version) {
			return c, true
		}
	}
	return candidate{}, false
}

// registrySource matches a registry module source: [host/]namespace/name/provider[//subdir].
var registrySource = regexp.MustCompile(`^(?:registry\.terraform\.io/|registry\.opentofu\.org/)?([A-Za-z0-9_-]+)/([A-Za-z0-9_-]+)/([A-Za-z0-9_-]+)(?://(.*))?$`)

// manifestModule is one record of .terraform/modules/modules.json.
type manifestModule struct {
	Key     string `json:"Key"`
	Source  string `json:"Source"`
	Version string `json:"Version,omitempty"`
	Dir     string `json:"Dir"`
}

// installer lays out the modules a root module calls as `terraform init` does.
type installer struct {
	reg     registry
	root    string
	modules []manifestModule
	notes   []string // modules installed as empty stand-ins, and why
}

// install writes root/.terraform/modules (copies of the cached registry modules the
// root module and its modules call, at the versions their constraints select) and
// modules.json. Calls of modules not in the cache (or of other sources: git, S3, ...)
// get an empty module folder, so that the configuration loads; their outputs are unknown.
// It returns notes on those stand-ins.
func install(reg registry, root string) ([]string, error) {
	in := &installer{reg: reg, root: root}
	os.RemoveAll(filepath.Join(root, ".terraform"))
	in.modules = append(in.modules, manifestModule{Key: "", Source: "", Dir: "."})
	in.walk("", ".", 0)
	if len(in.modules) == 1 {
		return nil, nil
	}
	b, err := json.Marshal(map[string]any{"Modules": in.modules})
	if err != nil {
		return nil, err
	}
	p := filepath.Join(root, ".terraform", "modules", "modules.json")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	return in.notes, os.WriteFile(p, b, 0o644)
}

// moduleCall is what install needs of a module block.
type moduleCall struct {
	Name, Source, Version string
}

// moduleCalls reads the module blocks of the .tf files in dir.
func moduleCalls(dir string) []moduleCall {
	files, _ := filepath.Glob(filepath.Join(dir, "*.tf"))
	var out []moduleCall
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		file, diags := hclsyntax.ParseConfig(src, f, hcl.InitialPos)
		if diags.HasErrors() || file == nil {
			continue
		}
		body, ok := file.Body.(*hclsyntax.Body)
		if !ok {
			continue
		}
		for _, b := range body.Blocks {
			if b.Type != "module" || len(b.Labels) != 1 {
				continue
			}
			c := moduleCall{Name: b.Labels[0]}
			if a, ok := b.Body.Attributes["source"]; ok {
				if v, d := a.Expr.Value(nil); !d.HasErrors() && v.Type().FriendlyName() == "string" && v.IsKnown() && !v.IsNull() {
					c.Source = v.AsString()
				}
			}
			if a, ok := b.Body.Attributes["version"]; ok {
				if v, d := a.Expr.Value(nil); !d.HasErrors() && v.Type().FriendlyName() == "string" && v.IsKnown() && !v.IsNull() {
					c.Version = v.AsString()
				}
			}
			out = append(out, c)
		}
	}
	return out
}

// walk installs the modules called from dir (relative to the root) under call path key.
func (in *installer) walk(key, dir string, depth int) {
	if depth > 12 {
		return
	}
	for _, c := range moduleCalls(filepath.Join(in.root, dir)) {
		childKey := c.Name
		if key != "" {
			childKey = key + "." + c.Name
		}
		switch {
		case c.Source == "":
			in.notes = append(in.notes, fmt.Sprintf("module %s: source is not a literal", childKey))
		case strings.HasPrefix(c.Source, "./") || strings.HasPrefix(c.Source, "../"):
			childDir := filepath.ToSlash(filepath.Clean(filepath.Join(dir, c.Source)))
			in.modules = append(in.modules, manifestModule{Key: childKey, Source: c.Source, Dir: childDir})
			in.walk(childKey, childDir, depth+1)
		default:
			target := filepath.ToSlash(filepath.Join(".terraform", "modules", childKey))
			m := registrySource.FindStringSubmatch(c.Source)
			if m == nil {
				in.stub(childKey, c, target, "not a registry source")
				continue
			}
			addr := m[1] + "/" + m[2] + "/" + m[3]
			cand, ok := in.reg.pick(addr, c.Version)
			if !ok {
				in.stub(childKey, c, target, "no cached release meets the constraint")
				continue
			}
			if err := copyTree(cand.Dir, filepath.Join(in.root, target)); err != nil {
				in.stub(childKey, c, target, err.Error())
				continue
			}
			childDir := target
			if m[4] != "" {
				childDir = filepath.ToSlash(filepath.Join(target, m[4]))
			}
			in.modules = append(in.modules, manifestModule{
				Key: childKey, Source: "registry.terraform.io/" + strings.TrimPrefix(c.Source, "registry.terraform.io/"),
				Version: cand.Version.Original(), Dir: childDir,
			})
			in.walk(childKey, childDir, depth+1)
		}
	}
}

// stub installs an empty module for a call the cache cannot serve.
func (in *installer) stub(key string, c moduleCall, target, why string) {
	os.MkdirAll(filepath.Join(in.root, target), 0o755)
	in.modules = append(in.modules, manifestModule{Key: key, Source: c.Source, Version: c.Version, Dir: target})
	in.notes = append(in.notes, fmt.Sprintf("module %s (%s %s): empty stand-in, %s", key, c.Source, c.Version, why))
}
