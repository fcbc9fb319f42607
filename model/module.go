// Package model answers, once per tflint run, the questions every rule shares: which
// resources exist in the root module and every module it calls (with count, for_each and
// dynamic blocks expanded as Terraform expands them), what a reference points to, the
// effective network mode of a task definition, and the decoded containers with the source
// range of every key.
//
// The root module costs one transfer of the files that can matter from tflint, plus one
// evaluation per input variable; called modules are read from disk.
package model

import (
	"fmt"
	"github.com/fargate-lint/tflint-ruleset-fargate/tffunc"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/fargate-lint/tflint-ruleset-fargate/hcleval"
	"github.com/fargate-lint/tflint-ruleset-fargate/ignore"
)

// maxModuleDepth bounds how deep module calls are followed, so that a module calling
// itself cannot stall tflint.
const maxModuleDepth = 16

// Config is what the plugin knows of the configuration tflint checks: the root module and
// every module it calls.
type Config struct {
	// TaskDefinitions, Services and TargetGroups are the instances of those resources in
	// every module, in source order.
	TaskDefinitions []*TaskDefinition
	Services        []*Service
	TargetGroups    []*Resource
	Endpoints       []*Endpoint

	// ProviderRegion is the region of the root module's one aws provider configuration,
	// "" when there is none, several, or its region is not known.
	ProviderRegion string

	root      *module
	modules   []*module
	defs      map[string]*moduleDef
	manifest  map[string]string
	rootDir   string
	baseDir   string
	functions map[string]function.Function
	// marking is true when the root calls modules: literals the user writes are marked
	// with where they are written (see origin).
	marking bool
	// files are the parsed files of every module; annotations their ignore comments.
	files       map[string]*hcl.File
	annotations map[string][]ignore.Comment
	// userCalls maps the directory of a module installed under .terraform to the module
	// call in the user's code that leads to it.
	userCalls map[string]hcl.Range
	// replaced are the root's .tf files that a .tofu file replaces.
	replaced map[string]bool

	byAddress map[string][]*Resource
	byType    map[string][]*Resource
	dynamic   map[*Resource]map[string]bool
	values    map[hcl.Expression]cty.Value
	raws      map[hcl.Expression]cty.Value
	// refValues caches what references to a resource see, by address and attributes;
	// resolved the answers of Resolve.
	refValues map[string]cty.Value
	resolved  map[resolveKey][]*Resource
	// orderings memoizes what each object comes after (see CreatedAfter).
	orderings map[string]*ordering

	// blocks are the resource blocks of every module instance by address, and in order.
	blocks map[string]*resourceBlock
	order  []*resourceBlock
	// unknownTypes are the resource types with a block whose count or for_each is not
	// known: instances the model cannot see may exist. hidden is true when a module call
	// could not be followed, which may hide resources of any type.
	unknownTypes map[string]bool
	hidden       bool

	taskDefs  map[*Resource]*TaskDefinition
	indexes   map[referrerKey]referrerIndex
	routes    *routeIndex
	instances *instanceIndex
}

// Resource is one instance of a resource block.
type Resource struct {
	Type  string
	Name  string
	Block *hclext.Block
	// OpenBrace is the range of the block's "{" in native syntax (zero in JSON), after
	// which a fix can insert a missing attribute.
	OpenBrace hcl.Range
	// scope holds the instance's count or each, key its instance key ([0], ["a"]);
	// mod is the module instance it is in.
	scope   scope
	key     string
	mod     *module
	address string
}

// Address is the resource's address: type.name, after the module path in a called
// module (module.svc["api"].aws_ecs_service.this).
func (r *Resource) Address() string {
	if r.address == "" {
		r.address = r.Type + "." + r.Name
		if r.mod != nil && r.mod.path != "" {
			r.address = r.mod.path + "." + r.address
		}
	}
	return r.address
}

// Label names the resource in messages: its address with the instance key
// (aws_lb_target_group.web, module.api.aws_lb_target_group.this["blue"]), which a reader
// can find, where names like "this" say little.
func (r *Resource) Label() string {
	return r.Address() + r.key
}

// ModulePrefix is the path of the module instance the resource is in, followed by a
// dot ("module.api."), or "" in the root module.
func (r *Resource) ModulePrefix() string {
	if r.mod == nil || r.mod.path == "" {
		return ""
	}
	return r.mod.path + "."
}

// InstanceAddress is the address of this instance: Address with its instance key
// (aws_lb_target_group.this["blue"]).
func (r *Resource) InstanceAddress() string {
	return r.Address() + r.key
}

// Attr returns the attribute name of the resource, or nil.
func (r *Resource) Attr(name string) *hclext.Attribute {
	return r.Block.Body.Attributes[name]
}

// Blocks returns the nested blocks of type typ.
func (r *Resource) Blocks(typ string) []*hclext.Block {
	return r.Block.Body.Blocks.OfType(typ)
}

// Build reads the configuration of the root module runner checks. For a called module it
// returns an empty model: tflint also checks each called module on its own, and the
// root's model has already seen it, so each finding is reported once.
func Build(runner tflint.Runner) (*Config, error) {
	c := newConfig()
	if path, err := runner.GetModulePath(); err == nil && !path.IsRoot() {
		return c, nil
	}
	files, index, err := readRoot(runner)
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

	def := newDef(c.rootDir, files)
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
	c.ProviderRegion = c.providerRegion(def.providers)
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
	for _, t := range TargetGroupTypes {
		c.TargetGroups = append(c.TargetGroups, c.byType[t]...)
	}
	for _, r := range c.byType[TypeTaskDefinition] {
		td := c.newTaskDefinition(r)
		c.taskDefs[r] = td
		c.TaskDefinitions = append(c.TaskDefinitions, td)
	}
	for _, r := range c.byType[TypeService] {
		s := c.newService(r)
		c.Services = append(c.Services, s)
		if s.LaunchType == LaunchFargate {
			for _, td := range s.TaskDefinitions {
				td.RunOnFargate = td.NoCompatibilities()
			}
		}
	}
	for _, r := range c.byType[TypeVPCEndpoint] {
		c.Endpoints = append(c.Endpoints, c.newEndpoint(r))
	}
	return c, nil
}

func newConfig() *Config {
	return &Config{
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
		taskDefs:     map[*Resource]*TaskDefinition{},
		indexes:      map[referrerKey]referrerIndex{},
	}
}

// module is one instance of a module: the root, or one instance of a module call.
type module struct {
	cfg  *Config
	def  *moduleDef
	eval *hcleval.Evaluator
	// path is the module's address ("" for the root, module.svc["api"] for a call's
	// instance); key is its call path in the install manifest (svc, svc.container).
	path, key string
	// parent and call are the calling module and its module block; callScope holds the
	// call's each or count.
	parent    *module
	call      *hcl.Block
	callScope scope
	args      map[string]hcl.Expression

	blocks  map[string]*resourceBlock
	data    map[string]*dataBlock
	calls   map[string]*callInstances
	outputs cty.Value

	// variables answers the root module's input variables (asked of tflint);
	// nullDefaults are those declared with default = null.
	variables    func(name string, ref hcl.Expression) cty.Value
	nullDefaults map[string]bool
	varValues    map[string]cty.Value
	visiting     bool
}

// callInstances are the instances of one module call.
type callInstances struct {
	instances []*module
	keys      []cty.Value
	count     bool
	forEach   bool
	unknown   bool
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
	def := newDef(dir, files)
	c.defs[dir] = def
	if c.marking && def.userCode {
		markLiterals(def)
	}
	return def, true
}

// mustRel returns target relative to base, or target when it has no such form.
func mustRel(base, target string) string {
	rel, err := filepath.Rel(base, target)
	if err != nil {
		return target
	}
	return rel
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

// isNullLiteral reports whether attr is written as null.
func isNullLiteral(attr *hclext.Attribute) bool {
	if attr == nil {
		return false
	}
	lit, ok := attr.Expr.(*hclsyntax.LiteralValueExpr)
	return ok && lit.Val.IsNull()
}

// Variable answers var.NAME. In the root module it is asked of tflint, which knows
// tfvars files and -var flags; a variable that is null only because its declared default
// is null is the caller's to decide: unknown. In a called module it is the caller's
// argument, evaluated where the call is written, else the declared default; either is
// converted to the declared type, with optional attributes' defaults.
func (mod *module) Variable(name string, ref hcl.Expression) cty.Value {
	if v, ok := mod.varValues[name]; ok {
		return v
	}
	v := mod.variable(name, ref)
	mod.varValues[name] = v
	return v
}

func (mod *module) variable(name string, ref hcl.Expression) cty.Value {
	if mod.parent == nil {
		if mod.variables == nil {
			return unknownValue
		}
		v := mod.variables(name, ref)
		if !v.IsKnown() {
			return mod.unknownVariable(name)
		}
		if v.IsNull() && mod.nullDefaults[name] {
			return unknownValue
		}
		return v
	}
	decl := mod.def.variables[name]
	if decl == nil {
		return unknownValue
	}
	content, _, _ := decl.Body.PartialContent(variableSchema)
	v := cty.NilVal
	if arg := mod.args[name]; arg != nil {
		v = mod.parent.eval.ValueIn(arg, mod.callScope)
	}
	// A null argument takes the default when the variable says nullable = false.
	if v == cty.NilVal || (v.IsKnown() && v.IsNull() && isFalseLiteral(content.Attributes["nullable"])) {
		if d := content.Attributes["default"]; d != nil {
			v = mod.eval.Value(d.Expr)
		}
	}
	if v == cty.NilVal {
		return unknownValue
	}
	if t := content.Attributes["type"]; t != nil {
		ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(t.Expr)
		if diags.HasErrors() {
			return unknownValue
		}
		if defaults != nil {
			v = defaults.Apply(v)
		}
		converted, err := convert.Convert(v, ty)
		if err != nil {
			return unknownValue
		}
		v = converted
	}
	return v
}

// unknownVariable is a root variable without a value, as Terraform's plan knows it: of
// its declared type, and not null when it says nullable = false.
func (mod *module) unknownVariable(name string) cty.Value {
	decl := mod.def.variables[name]
	if decl == nil {
		return unknownValue
	}
	content, _, _ := decl.Body.PartialContent(variableSchema)
	t := content.Attributes["type"]
	if t == nil {
		return unknownValue
	}
	ty, diags := typeexpr.TypeConstraint(t.Expr)
	if diags.HasErrors() || ty == cty.DynamicPseudoType {
		return unknownValue
	}
	v := cty.UnknownVal(ty)
	if isFalseLiteral(content.Attributes["nullable"]) && (ty.IsPrimitiveType() || ty.IsCollectionType() || ty.IsObjectType()) {
		v = v.RefineNotNull()
	}
	return v.Mark(opaque{})
}

var variableSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "default"}, {Name: "type"}, {Name: "nullable"}}}

// isFalseLiteral reports whether attr is written as false.
func isFalseLiteral(attr *hcl.Attribute) bool {
	if attr == nil {
		return false
	}
	v, diags := attr.Expr.Value(nil)
	return !diags.HasErrors() && v.Type() == cty.Bool && v.IsKnown() && !v.IsNull() && v.False()
}

// ModuleCall answers module.NAME: the outputs of the call's instance, a tuple of them
// for count, an object keyed by instance key for for_each; unknown when the call cannot
// be followed.
func (mod *module) ModuleCall(name string) cty.Value {
	ci := mod.calls[name]
	if ci == nil || ci.unknown {
		return unknownValue
	}
	switch {
	case ci.count:
		elems := make([]cty.Value, len(ci.instances))
		for i, child := range ci.instances {
			elems[i] = child.outputValues()
		}
		return cty.TupleVal(elems)
	case ci.forEach:
		members := map[string]cty.Value{}
		for i, child := range ci.instances {
			members[ci.keys[i].AsString()] = child.outputValues()
		}
		return cty.ObjectVal(members)
	}
	if len(ci.instances) == 0 {
		return unknownValue
	}
	return ci.instances[0].outputValues()
}

// outputValues evaluates the module's outputs, once.
func (mod *module) outputValues() cty.Value {
	if mod.outputs != cty.NilVal {
		return mod.outputs
	}
	if mod.visiting {
		return unknownValue
	}
	mod.visiting = true
	out := map[string]cty.Value{}
	for name, expr := range mod.def.outputs {
		out[name] = mod.eval.Value(expr)
	}
	mod.visiting = false
	mod.outputs = cty.ObjectVal(out)
	return mod.outputs
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

var providerSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "region"}, {Name: "alias"}}}

// providerRegion returns the region of the one aws provider block without an alias,
// when that is the only aws provider block.
func (c *Config) providerRegion(providers []*hcl.Block) string {
	if len(providers) != 1 {
		return ""
	}
	content, _, _ := providers[0].Body.PartialContent(providerSchema)
	if content.Attributes["alias"] != nil || content.Attributes["region"] == nil {
		return ""
	}
	region, _ := c.String(&hclext.Attribute{Expr: content.Attributes["region"].Expr})
	return region
}

// MayHaveDynamic reports whether the resource has a dynamic block of type typ whose
// for_each is not known, so it may generate blocks the model cannot see.
func (c *Config) MayHaveDynamic(r *Resource, typ string) bool {
	return c.dynamic[r][typ]
}

// Missing reports whether the resource certainly has no block of type typ.
func (c *Config) Missing(r *Resource, typ string) bool {
	return len(r.Blocks(typ)) == 0 && !c.MayHaveDynamic(r, typ)
}

// Value evaluates expr, an attribute of a resource instance or an expression of the root
// module; unknown parts stay unknown, and only sensitive values are marked.
func (c *Config) Value(expr hcl.Expression) cty.Value {
	if v, ok := c.values[expr]; ok {
		return v
	}
	v := hcleval.Plain(c.raw(expr))
	c.values[expr] = v
	return v
}

// raw evaluates expr with the marks that say which resource a value was read from.
func (c *Config) raw(expr hcl.Expression) cty.Value {
	if bound, ok := boundOf(expr); ok {
		return bound.Val
	}
	if v, ok := c.raws[expr]; ok {
		return v
	}
	if c.root == nil {
		return cty.DynamicVal
	}
	v := c.root.eval.Value(expr)
	c.raws[expr] = v
	return v
}

// MayHaveUnknown reports whether a resource of one of types may exist beyond those the
// model sees, because a count or for_each is not known or a module call could not be
// followed.
func (c *Config) MayHaveUnknown(types ...string) bool {
	if c.hidden {
		return true
	}
	for _, t := range types {
		if c.unknownTypes[t] {
			return true
		}
	}
	return false
}
