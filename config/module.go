package config

import (
	"os"
	"path/filepath"

	"github.com/fargate-lint/tflint-ruleset-fargate/tffunc"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"

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
	c.instantiate(c.root)

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
		generated:   map[*hclext.Block]cty.Value{},
		values:      map[hcl.Expression]cty.Value{},
		raws:        map[hcl.Expression]cty.Value{},
		refValues:   map[string]cty.Value{},
		resolved:    map[resolveKey][]*Resource{},
		blocks:      map[string]*resourceBlock{},

		unknownTypes: map[string]bool{},
		indexes:      map[referrerKey]Referrers{},
		unseen:       map[referrerKey]unseenRefs{},
	}
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

// instantiate creates the instances of every module call under root, recursively, then
// lists every module instance and resource block in source order: a module's own
// resource blocks, then its calls' instances in the order the calls are written.
func (c *Config) instantiate(root *module) {
	c.instantiateCalls(root)
	c.modules, c.order = nil, nil
	c.list(root)
}

// instantiateCalls creates the instances of every module call of mod, and of theirs.
// A call may already have been instantiated, out of turn, by instantiateCall.
func (c *Config) instantiateCalls(mod *module) {
	for _, call := range mod.def.calls {
		ci := c.instantiateCall(mod, call.Labels[0])
		for _, child := range ci.instances {
			c.instantiateCalls(child)
		}
	}
}

// list appends mod and its resource blocks to the configuration's lists, then the
// instances of its calls in the order the calls are written, and records, for each
// module installed under .terraform, the first call in the user's code that leads to it.
func (c *Config) list(mod *module) {
	c.modules = append(c.modules, mod)
	c.order = append(c.order, mod.order...)
	listed := map[string]bool{}
	for _, call := range mod.def.calls {
		name := call.Labels[0]
		if listed[name] {
			continue
		}
		listed[name] = true
		for _, child := range mod.calls[name].instances {
			if !child.def.userCode {
				if _, seen := c.userCalls[child.def.dir]; !seen {
					c.userCalls[child.def.dir] = mod.userCall(call)
				}
			}
			c.list(child)
		}
	}
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
