package config

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/fargate-lint/tflint-ruleset-fargate/hcleval"
	"github.com/fargate-lint/tflint-ruleset-fargate/ignore"
)

// The nouns of the package: the configuration, its module instances and resource
// instances, and the few keys its caches use. The files that follow answer questions
// about them, each building on those before it (see doc.go).

// maxModuleDepth bounds how deep module calls are followed, so that a module calling
// itself cannot stall tflint.
const maxModuleDepth = 16

// Config is the configuration tflint checks as Terraform sees it: the root module and
// every module it calls, with the resources and data sources its Schema names.
type Config struct {
	schema    Schema
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
	// generated are the blocks dynamic blocks generate, with the element of for_each
	// each comes from.
	generated map[*hclext.Block]cty.Value
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
	// known: instances the configuration cannot see may exist. hidden is true when a module call
	// could not be followed, which may hide resources of any type.
	unknownTypes map[string]bool
	hidden       bool

	indexes map[referrerKey]Referrers
	unseen  map[referrerKey]unseenRefs
	// exported are the addresses of the resources the root module's outputs read.
	exported map[string]bool
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
// module (module.svc["api"].example_thing.this).
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
// (x_thing.web, module.api.x_thing.this["blue"]), which a reader can find, where names
// like "this" say little.
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
// (x_thing.this["blue"]).
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

// module is one instance of a module: the root, or one instance of a module call.
type module struct {
	cfg  *Config
	def  *moduleDef
	eval *hcleval.Evaluator
	// path is the module's address ("" for the root, module.svc["api"] for a call's
	// instance); key is its call path in the install manifest (svc, svc.inner).
	path, key string
	// parent and call are the calling module and its module block; callScope holds the
	// call's each or count.
	parent    *module
	call      *hcl.Block
	callScope scope
	args      map[string]hcl.Expression
	// depth is how many calls lead to the module from the root.
	depth int

	// blocks are the module's resource blocks by type.name, and order them as written.
	blocks  map[string]*resourceBlock
	order   []*resourceBlock
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
	// pending is true while the call's count or for_each is being evaluated.
	pending bool
}

// Key returns the instance key as written in an address: "", [0] or ["k"].
func (r *Resource) Key() string { return r.key }

// resourceBlock is one resource block of a module instance and what its expansion gave.
type resourceBlock struct {
	typ, name string
	block     *hcl.Block
	mod       *module
	addr      string
	instances []*Resource
	// keys are the instance keys, in order (nil for a block without count/for_each).
	keys []cty.Value
	// forEach says the instances are keyed by for_each; count by count.
	forEach, count bool
	// unknown is true when count or for_each cannot be known: the resource may have
	// instances the configuration cannot see.
	unknown  bool
	expanded bool
	visiting bool
}

// address is the block's address, with its module's path.
func (rb *resourceBlock) address() string {
	if rb.addr == "" {
		rb.addr = rb.typ + "." + rb.name
		if rb.mod.path != "" {
			rb.addr = rb.mod.path + "." + rb.addr
		}
	}
	return rb.addr
}

// dataBlock is one data block of a module instance, with its value once worked out.
type dataBlock struct {
	block *hcl.Block
	mod   *module
	value cty.Value
}

// scope holds the iteration variables (count, each, dynamic iterators) of an instance.
type scope map[string]cty.Value

func (s scope) with(name string, v cty.Value) scope {
	out := make(scope, len(s)+1)
	for k, val := range s {
		out[k] = val
	}
	out[name] = v
	return out
}

// resolveKey names one Resolve question.
type resolveKey struct {
	expr  hcl.Expression
	types string
}

// referrerKey names an index of resources of one type by the resource an attribute of
// theirs references.
type referrerKey struct{ typ, attr string }

// unseenRefs is what UnseenReferences answers.
type unseenRefs struct {
	uncertain map[string]bool
	known     bool
}

// Referrers lists, per referenced address, the resources that reference it.
type Referrers struct {
	// By maps the address of a referenced resource to the resources referencing it.
	By map[string][]*Resource
	// Complete is false when some resource's reference cannot be resolved, or some
	// resource of the type may exist unseen and reference any.
	Complete bool
	// Uncertain are the referenced resources that unseen resources of the type (a
	// count or for_each not known) reference: they may have more referrers than By says.
	Uncertain map[string]bool
}

// KnownFor reports whether By lists every resource that references target.
func (r Referrers) KnownFor(target string) bool {
	return r.Complete && !r.Uncertain[target]
}

// Body is a block body in the scope of one instance: its arguments are evaluated in the
// block's module, with the instance's count, each and dynamic iterators.
type Body struct {
	hcl.Body
	mod *module
	s   scope
}
