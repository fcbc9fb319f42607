package config

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/fargate-lint/tflint-ruleset-fargate/hcleval"
)

// Module calls: the instances of one call, with their count or for_each evaluated, and
// the module each instance reads, found where the call's source says. Load instantiates
// every call in the order the calls are written; ModuleCall (scope.go) may instantiate
// one earlier, when a value it needs reads the call's outputs.

// newModule creates an instance of def, called by parent at path.
func (c *Config) newModule(def *moduleDef, parent *module, path, key string, call *hcl.Block) *module {
	mod := &module{
		cfg: c, def: def, path: path, key: key, parent: parent, call: call,
		blocks:       map[string]*resourceBlock{},
		data:         map[string]*dataBlock{},
		calls:        map[string]*callInstances{},
		nullDefaults: map[string]bool{},
		varValues:    map[string]cty.Value{},
	}
	rel, err := filepath.Rel(c.rootDir, def.dir)
	if err != nil {
		rel = def.dir
	}
	paths := hcleval.Paths{Module: filepath.ToSlash(rel), Root: ".", Cwd: filepath.ToSlash(c.baseDir)}
	mod.eval = hcleval.New(def.locals, c.functions, paths, mod)
	for _, b := range def.resources {
		rb := &resourceBlock{typ: b.Labels[0], name: b.Labels[1], block: b, mod: mod}
		mod.blocks[rb.typ+"."+rb.name] = rb
		mod.order = append(mod.order, rb)
		c.blocks[rb.address()] = rb
	}
	for _, b := range def.data {
		mod.data[b.Labels[0]+"."+b.Labels[1]] = &dataBlock{block: b, mod: mod}
	}
	return mod
}

// instantiateCall creates the instances of the module call name of mod, once. Terraform
// evaluates a call when what it refers to is known, not where it is written: a call's
// count or for_each, or a value it reads through the caller's variables, may read the
// outputs of a call written after it. So ModuleCall instantiates a call it is asked
// about out of turn, and the value it answers is the one Terraform's plan sees, never
// an unknown remembered because that call came later in the file. A call asked about
// while its own count or for_each is being evaluated (a cycle, which Terraform rejects)
// is unknown.
func (c *Config) instantiateCall(mod *module, name string) *callInstances {
	if ci := mod.calls[name]; ci != nil {
		return ci
	}
	call := mod.def.call(name)
	ci := &callInstances{pending: true}
	mod.calls[name] = ci
	defer func() { ci.pending = false }()
	if call == nil {
		ci.unknown = true
		return ci
	}
	attrs, _ := call.Body.JustAttributes()
	def, ok := c.callDef(mod, name, attrs["source"])
	if !ok || mod.depth >= maxModuleDepth {
		ci.unknown = true
		c.hidden = true
		return ci
	}
	scopes, keys := c.callScopes(mod, ci, attrs)
	if ci.unknown {
		c.hidden = true
	}
	key := name
	if mod.key != "" {
		key = mod.key + "." + name
	}
	for i, s := range scopes {
		path := "module." + name + instanceSuffix(ci.count, ci.forEach, keys, i)
		if mod.path != "" {
			path = mod.path + "." + path
		}
		child := c.newModule(def, mod, path, key, call)
		child.depth = mod.depth + 1
		child.callScope = s
		child.args = map[string]hcl.Expression{}
		for n, a := range attrs {
			switch n {
			case "source", "version", "count", "for_each", "providers", "depends_on":
			default:
				child.args[n] = a.Expr
			}
		}
		ci.instances = append(ci.instances, child)
	}
	ci.keys = keys
	return ci
}

// userCall returns the module call in the user's code that leads to a call written in
// mod: the call itself when mod is the user's code.
func (mod *module) userCall(call *hcl.Block) hcl.Range {
	for mod.parent != nil && !mod.def.userCode {
		call, mod = mod.call, mod.parent
	}
	return call.DefRange
}

// instanceSuffix writes an instance key as in an address.
func instanceSuffix(count, forEach bool, keys []cty.Value, i int) string {
	switch {
	case count:
		return fmt.Sprintf("[%d]", i)
	case forEach:
		return fmt.Sprintf("[%q]", keys[i].AsString())
	}
	return ""
}

// callScopes evaluates a module call's count or for_each.
func (c *Config) callScopes(mod *module, ci *callInstances, attrs hcl.Attributes) ([]scope, []cty.Value) {
	meta := &hcl.BodyContent{Attributes: hcl.Attributes{}}
	for _, name := range []string{"count", "for_each"} {
		if a := attrs[name]; a != nil {
			meta.Attributes[name] = a
		}
	}
	it := iterate(meta, mod.eval.Value)
	ci.count, ci.forEach, ci.unknown = it.count, it.forEach, it.unknown || it.tooMany > 0
	if ci.unknown {
		return nil, nil
	}
	return it.scopes, it.keys
}

// callDef finds and reads the module a call's source names: a local path relative to the
// caller, or where the install manifest says a remote module is.
func (c *Config) callDef(mod *module, name string, source *hcl.Attribute) (*moduleDef, bool) {
	if source == nil {
		return nil, false
	}
	v, diags := source.Expr.Value(nil)
	if diags.HasErrors() || v.Type() != cty.String || v.IsNull() {
		return nil, false
	}
	src := v.AsString()
	key := name
	if mod.key != "" {
		key = mod.key + "." + name
	}
	var dir string
	switch {
	case c.manifest[key] != "":
		dir = filepath.Join(c.rootDir, c.manifest[key])
	case strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../"):
		dir = filepath.Join(mod.def.dir, filepath.FromSlash(src))
	default:
		return nil, false
	}
	if def, ok := c.defs[dir]; ok {
		return def, def != nil
	}
	path := dir
	if !filepath.IsAbs(path) {
		path = filepath.Join(c.baseDir, mustRel(c.rootDir, dir))
	}
	files, _, err := readDir(dir, path, false)
	if err != nil {
		c.defs[dir] = nil
		return nil, false
	}
	for name, f := range files {
		c.files[name] = f
	}
	def := newDef(dir, files, c.schema)
	c.defs[dir] = def
	if c.marking && def.userCode {
		markLiterals(def)
	}
	return def, true
}
