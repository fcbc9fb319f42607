// Package model answers, once per module, the questions every rule shares: which
// resources exist (with count, for_each and dynamic blocks expanded as tflint expands
// them), what a reference points to, the effective network mode of a task definition,
// and the decoded containers with the source range of every key.
//
// A module costs one transfer of its files from tflint, whatever the number of resources
// and rules, plus one evaluation per input variable that a watched attribute reads.
package model

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"

	"github.com/fargate-lint/tflint-ruleset-fargate/hcleval"
)

// Module is what the plugin knows of one Terraform module.
type Module struct {
	// TaskDefinitions, Services and TargetGroups are the instances of those resources,
	// in source order.
	TaskDefinitions []*TaskDefinition
	Services        []*Service
	TargetGroups    []*Resource
	Endpoints       []*Endpoint

	// ProviderRegion is the region of the module's one aws provider configuration, ""
	// when there is none, several, or its region is not known.
	ProviderRegion string

	byAddress map[string][]*Resource
	byType    map[string][]*Resource
	dynamic   map[*Resource]map[string]bool
	eval      *hcleval.Evaluator
	values    map[hcl.Expression]cty.Value
	raws      map[hcl.Expression]cty.Value
	// refValues caches what references to a resource see, by address and attributes.
	refValues map[string]cty.Value

	// blocks are the module's resource blocks by address, in source order in order.
	blocks map[string]*resourceBlock
	order  []*resourceBlock
	// unknownTypes are the resource types with a block whose count or for_each is not
	// known: instances the model cannot see may exist.
	unknownTypes map[string]bool

	variables    func(name string, ref hcl.Expression) cty.Value
	nullDefaults map[string]bool
	taskDefs     map[*Resource]*TaskDefinition
	indexes      map[referrerKey]referrerIndex
	routes       *routeIndex
}

// Resource is one instance of a resource block.
type Resource struct {
	Type  string
	Name  string
	Block *hclext.Block
	// OpenBrace is the range of the block's "{" in native syntax (zero in JSON), after
	// which a fix can insert a missing attribute.
	OpenBrace hcl.Range
	// scope holds the instance's count or each.
	scope scope
}

// Address is the resource's type.name.
func (r *Resource) Address() string { return r.Type + "." + r.Name }

// Attr returns the attribute name of the resource, or nil.
func (r *Resource) Attr(name string) *hclext.Attribute {
	return r.Block.Body.Attributes[name]
}

// Blocks returns the nested blocks of type typ.
func (r *Resource) Blocks(typ string) []*hclext.Block {
	return r.Block.Body.Blocks.OfType(typ)
}

// Build reads the module runner is checking.
func Build(runner tflint.Runner) (*Module, error) {
	files, index, err := readFiles(runner)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)

	m := newModule()
	m.variables = variableSource(runner)
	for _, b := range index.Blocks {
		if b.Type == "variable" && isNullLiteral(b.Body.Attributes["default"]) {
			m.nullDefaults[b.Labels[0]] = true
		}
	}
	locals := map[string]hcl.Expression{}
	var providers []*hcl.Block
	moduleDir := "."
	for _, name := range names {
		moduleDir = filepath.Dir(name)
		content, _, _ := files[name].Body.PartialContent(fileSchema)
		for _, b := range content.Blocks {
			switch b.Type {
			case "locals":
				attrs, _ := b.Body.JustAttributes()
				for n, a := range attrs {
					locals[n] = a.Expr
				}
			case "resource":
				if watchedTypes[b.Labels[0]] != nil {
					rb := &resourceBlock{typ: b.Labels[0], name: b.Labels[1], block: b}
					m.blocks[rb.typ+"."+rb.name] = rb
					m.order = append(m.order, rb)
				}
			case "provider":
				if b.Labels[0] == "aws" {
					providers = append(providers, b)
				}
			}
		}
	}
	paths, baseDir := modulePaths(runner, moduleDir)
	m.eval = hcleval.New(locals, hcleval.Functions(baseDir), paths, m)

	for _, rb := range m.order {
		m.expand(rb)
		for _, r := range rb.instances {
			m.byAddress[r.Address()] = append(m.byAddress[r.Address()], r)
			m.byType[r.Type] = append(m.byType[r.Type], r)
		}
		if rb.unknown {
			m.unknownTypes[rb.typ] = true
		}
	}
	for _, t := range TargetGroupTypes {
		m.TargetGroups = append(m.TargetGroups, m.byType[t]...)
	}
	for _, r := range m.byType[TypeTaskDefinition] {
		td := m.newTaskDefinition(r)
		m.taskDefs[r] = td
		m.TaskDefinitions = append(m.TaskDefinitions, td)
	}
	for _, r := range m.byType[TypeService] {
		s := m.newService(r)
		m.Services = append(m.Services, s)
		if s.LaunchType == LaunchFargate {
			for _, td := range s.TaskDefinitions {
				td.RunOnFargate = td.NoCompatibilities()
			}
		}
	}
	for _, r := range m.byType[TypeVPCEndpoint] {
		m.Endpoints = append(m.Endpoints, m.newEndpoint(r))
	}
	m.ProviderRegion = m.providerRegion(providers)
	return m, nil
}

// isNullLiteral reports whether attr is written as null.
func isNullLiteral(attr *hclext.Attribute) bool {
	if attr == nil {
		return false
	}
	lit, ok := attr.Expr.(*hclsyntax.LiteralValueExpr)
	return ok && lit.Val.IsNull()
}

// modulePaths returns path.module, path.root and path.cwd of the module in moduleDir
// as Terraform gives them, and the absolute directory relative file paths resolve
// against. Terraform runs in the root module's directory; tflint names files relative
// to the directory it was started in (which --chdir, --recursive and the language
// server make different from the root module's), and the plugin's own working directory
// may be either, so every path is worked out from tflint's original directory.
func modulePaths(runner tflint.Runner, moduleDir string) (hcleval.Paths, string) {
	originalwd, err := runner.GetOriginalwd()
	if err != nil {
		originalwd, _ = os.Getwd()
	}
	rootDir := moduleDir
	if path, err := runner.GetModulePath(); err == nil && !path.IsRoot() {
		rootDir = rootModuleDir(runner, moduleDir)
	}
	baseDir := rootDir
	if !filepath.IsAbs(baseDir) {
		baseDir = filepath.Join(originalwd, rootDir)
	}
	module, err := filepath.Rel(rootDir, moduleDir)
	if err != nil {
		module = moduleDir
	}
	return hcleval.Paths{Module: filepath.ToSlash(module), Root: ".", Cwd: filepath.ToSlash(baseDir)}, baseDir
}

// rootModuleDir returns the directory of the root module's files, for a called module.
func rootModuleDir(runner tflint.Runner, fallback string) string {
	content, err := runner.GetModuleContent(anyBlockSchema, &tflint.GetModuleContentOption{
		ModuleCtx: tflint.RootModuleCtxType, ExpandMode: tflint.ExpandModeNone,
	})
	if err != nil {
		return fallback
	}
	for _, b := range content.Blocks {
		return filepath.Dir(b.DefRange.Filename)
	}
	return fallback
}

// anyBlockSchema matches the top-level blocks a module is made of, without content.
var anyBlockSchema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{
	{Type: "terraform"}, {Type: "provider", LabelNames: []string{"name"}},
	{Type: "variable", LabelNames: []string{"name"}}, {Type: "output", LabelNames: []string{"name"}},
	{Type: "locals"}, {Type: "module", LabelNames: []string{"name"}},
	{Type: "resource", LabelNames: []string{"type", "name"}}, {Type: "data", LabelNames: []string{"type", "name"}},
}}

// indexSchema finds which files hold locals and resources, without their content.
var indexSchema = &hclext.BodySchema{
	Blocks: []hclext.BlockSchema{
		{Type: "locals"},
		{Type: "resource", LabelNames: []string{"type", "name"}},
		{Type: "provider", LabelNames: []string{"name"}},
		{Type: "variable", LabelNames: []string{"name"}, Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "default"}}}},
	},
}

// readFiles fetches and parses, in parallel, the files of the module that hold locals, an
// aws provider or a watched resource; the others cannot matter to any rule.
func readFiles(runner tflint.Runner) (map[string]*hcl.File, *hclext.BodyContent, error) {
	index, err := runner.GetModuleContent(indexSchema, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
	if err != nil {
		return nil, nil, fmt.Errorf("listing the module's files: %w", err)
	}
	wanted := map[string]bool{}
	for _, b := range index.Blocks {
		if b.Type == "locals" || (b.Type == "provider" && b.Labels[0] == "aws") || (b.Type == "resource" && watchedTypes[b.Labels[0]] != nil) {
			wanted[b.DefRange.Filename] = true
		}
	}
	names := make(chan string, len(wanted))
	for name := range wanted {
		names <- name
	}
	close(names)

	var mu sync.Mutex
	var wg sync.WaitGroup
	files := map[string]*hcl.File{}
	var firstErr error
	for range min(runtime.GOMAXPROCS(0), 4) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range names {
				f, err := runner.GetFile(name)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("reading %s: %w", name, err)
				}
				if f != nil {
					files[name] = f
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return files, index, firstErr
}

// fileSchema picks the same blocks out of each file the model parses.
var fileSchema = func() *hcl.BodySchema {
	s := &hcl.BodySchema{}
	for _, b := range indexSchema.Blocks {
		s.Blocks = append(s.Blocks, hcl.BlockHeaderSchema{Type: b.Type, LabelNames: b.LabelNames})
	}
	return s
}()

var providerSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "region"}, {Name: "alias"}}}

// providerRegion returns the region of the one aws provider block without an alias,
// when that is the only aws provider block.
func (m *Module) providerRegion(providers []*hcl.Block) string {
	if len(providers) != 1 {
		return ""
	}
	content, _, _ := providers[0].Body.PartialContent(providerSchema)
	if content.Attributes["alias"] != nil || content.Attributes["region"] == nil {
		return ""
	}
	region, _ := m.String(&hclext.Attribute{Expr: content.Attributes["region"].Expr})
	return region
}

func newModule() *Module {
	return &Module{
		byAddress: map[string][]*Resource{},
		byType:    map[string][]*Resource{},
		dynamic:   map[*Resource]map[string]bool{},
		values:    map[hcl.Expression]cty.Value{},
		raws:      map[hcl.Expression]cty.Value{},
		refValues: map[string]cty.Value{},
		blocks:    map[string]*resourceBlock{},

		unknownTypes: map[string]bool{},
		nullDefaults: map[string]bool{},
		taskDefs:     map[*Resource]*TaskDefinition{},
		indexes:      map[referrerKey]referrerIndex{},
	}
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

// MayHaveDynamic reports whether the resource has a dynamic block of type typ whose
// for_each is not known, so it may generate blocks the model cannot see.
func (m *Module) MayHaveDynamic(r *Resource, typ string) bool {
	return m.dynamic[r][typ]
}

// Missing reports whether the resource certainly has no block of type typ.
func (m *Module) Missing(r *Resource, typ string) bool {
	return len(r.Blocks(typ)) == 0 && !m.MayHaveDynamic(r, typ)
}

// Value evaluates expr in the module; unknown parts stay unknown, and only sensitive
// values are marked.
func (m *Module) Value(expr hcl.Expression) cty.Value {
	if v, ok := m.values[expr]; ok {
		return v
	}
	v := hcleval.Plain(m.raw(expr))
	m.values[expr] = v
	return v
}

// raw evaluates expr with the marks that say which resource a value was read from.
func (m *Module) raw(expr hcl.Expression) cty.Value {
	if bound, ok := expr.(*hclext.BoundExpr); ok {
		return bound.Val
	}
	if v, ok := m.raws[expr]; ok {
		return v
	}
	v := m.eval.Value(expr)
	m.raws[expr] = v
	return v
}

// MayHaveUnknown reports whether a resource of one of types may exist beyond those the
// model sees, because a count or for_each is not known.
func (m *Module) MayHaveUnknown(types ...string) bool {
	for _, t := range types {
		if m.unknownTypes[t] {
			return true
		}
	}
	return false
}
