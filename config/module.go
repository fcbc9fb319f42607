package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/fargate-lint/tflint-ruleset-fargate/tffunc"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"

	"github.com/fargate-lint/tflint-ruleset-fargate/hcleval"
	"github.com/fargate-lint/tflint-ruleset-fargate/ignore"
)

// Load reads the configuration of the root module runner checks, the parts schema names.
// For a called module it returns an empty configuration: tflint also checks each called
// module on its own, and the root's configuration has already seen it, so each finding
// is reported once.
func Load(runner tflint.Runner, schema Schema) (*Config, error) {
	c := newConfig(schema)
	if path, err := runner.GetModulePath(); err == nil && !path.IsRoot() {
		return c, nil
	}
	files, index, err := readRoot(runner, schema)
	if err != nil {
		return nil, err
	}
	for name, f := range files {
		c.files[name] = f
	}
	originalwd, err := runner.GetOriginalwd()
	if err != nil {
		originalwd, _ = os.Getwd()
	}
	c.rootDir = rootDirOf(index, originalwd)
	c.baseDir = c.rootDir
	if !filepath.IsAbs(c.baseDir) {
		c.baseDir = filepath.Join(originalwd, c.rootDir)
	}
	// OpenTofu's own files, which tflint does not read, replace .tf files of the same name.
	if tofu, replaced, err := readDir(c.rootDir, c.baseDir, true); err == nil {
		for name, f := range tofu {
			files[name] = f
			c.files[name] = f
		}
		for name := range replaced {
			delete(files, name)
			c.replaced[name] = true
		}
	}
	c.functions = tffunc.Functions(tffunc.Options{BaseDir: c.baseDir})
	c.manifest = readManifest(c.baseDir)

	def := newDef(c.rootDir, files, schema)
	c.defs[c.rootDir] = def
	if len(def.calls) > 0 {
		// Values travel into modules: remember where the user wrote them.
		c.marking = true
		markLiterals(def)
	}
	c.root = c.newModule(def, nil, "", "", nil)
	c.root.variables = variableSource(runner)
	// A module that configures no provider is meant to be called: a variable it leaves
	// null by default is its callers' to decide. One that configures a provider is a root
	// Terraform runs as it is, where such a variable is null.
	if !configuresProvider(index) {
		for _, b := range index.Blocks {
			if b.Type == "variable" && isNullLiteral(b.Body.Attributes["default"]) {
				c.root.nullDefaults[b.Labels[0]] = true
			}
		}
	}
	c.instantiate(c.root, 0)

	for _, rb := range c.order {
		c.expand(rb)
		for _, r := range rb.instances {
			c.byAddress[r.Address()] = append(c.byAddress[r.Address()], r)
			c.byType[r.Type] = append(c.byType[r.Type], r)
		}
		if rb.unknown {
			c.unknownTypes[rb.typ] = true
		}
	}
	return c, nil
}

func newConfig(schema Schema) *Config {
	return &Config{
		schema:      schema,
		defs:        map[string]*moduleDef{},
		files:       map[string]*hcl.File{},
		annotations: map[string][]ignore.Comment{},
		userCalls:   map[string]hcl.Range{},
		replaced:    map[string]bool{},
		byAddress:   map[string][]*Resource{},
		byType:      map[string][]*Resource{},
		dynamic:     map[*Resource]map[string]bool{},
		values:      map[hcl.Expression]cty.Value{},
		raws:        map[hcl.Expression]cty.Value{},
		refValues:   map[string]cty.Value{},
		resolved:    map[resolveKey][]*Resource{},
		blocks:      map[string]*resourceBlock{},

		unknownTypes: map[string]bool{},
		indexes:      map[referrerKey]Referrers{},
	}
}

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
		c.blocks[rb.address()] = rb
		c.order = append(c.order, rb)
	}
	for _, b := range def.data {
		mod.data[b.Labels[0]+"."+b.Labels[1]] = &dataBlock{block: b, mod: mod}
	}
	c.modules = append(c.modules, mod)
	return mod
}

// rootDirOf returns the root module's directory as tflint names files: the folder of its
// files, or, when tflint saw none (a module of .tofu files only), the folder tflint runs
// in, which is the plugin's too except under the language server.
func rootDirOf(index *hclext.BodyContent, originalwd string) string {
	for _, b := range index.Blocks {
		return filepath.Dir(b.DefRange.Filename)
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(originalwd, wd); err == nil {
			return rel
		}
	}
	return "."
}

// instantiate creates the instances of every module call of mod, recursively.
func (c *Config) instantiate(mod *module, depth int) {
	for _, call := range mod.def.calls {
		name := call.Labels[0]
		ci := &callInstances{}
		mod.calls[name] = ci
		attrs, _ := call.Body.JustAttributes()
		def, ok := c.callDef(mod, name, attrs["source"])
		if !ok || depth >= maxModuleDepth {
			ci.unknown = true
			c.hidden = true
			continue
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
			if !def.userCode {
				if _, seen := c.userCalls[def.dir]; !seen {
					c.userCalls[def.dir] = mod.userCall(call)
				}
			}
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
			c.instantiate(child, depth+1)
		}
		ci.keys = keys
	}
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

// configuresProvider reports whether a module has a provider block.
func configuresProvider(index *hclext.BodyContent) bool {
	for _, b := range index.Blocks {
		if b.Type == "provider" {
			return true
		}
	}
	return false
}

// variableSource asks tflint for input variables: only it knows the caller's arguments,
// tfvars files and -var flags.
func variableSource(runner tflint.Runner) func(string, hcl.Expression) cty.Value {
	return func(_ string, ref hcl.Expression) cty.Value {
		var v cty.Value
		err := runner.EvaluateExpr(ref, &v, &tflint.EvaluateExprOption{WantType: &cty.DynamicPseudoType})
		if err != nil {
			return cty.DynamicVal
		}
		return v
	}
}

// Providers returns the root module's provider configurations of the provider name,
// when Schema.Providers names it.
func (c *Config) Providers(name string) []*hcl.Block {
	if c.root == nil {
		return nil
	}
	var out []*hcl.Block
	for _, b := range c.root.def.providers {
		if b.Labels[0] == name {
			out = append(out, b)
		}
	}
	return out
}
