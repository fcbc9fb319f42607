package config

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/fargate-lint/tflint-ruleset-fargate/ignore"
	"github.com/fargate-lint/tflint-ruleset-fargate/tree"
)

// Placement: where the user fixes what a finding points at, and whether a comment there
// silences it.

// tflint honours `# tflint-ignore: rule` comments in the files of the module it checks.
// A finding the plugin reports from the root's run in a called module's file is beyond
// tflint's reach, so the plugin honours those comments there itself, as tflint would: a
// comment on the finding's first line or the line above it, or `tflint-ignore-file` at
// the top of the file.

// MissingAt returns where to report that attribute name of resource r is not set: for a
// resource in a called module whose attribute reads one of the module's variables, where
// the caller decided it (its argument, or the module call that left the variable at its
// default), following variables passed on through further modules; otherwise the
// attribute, or the resource's block when it has none.
func (c *Config) MissingAt(r *Resource, name string) hcl.Range {
	a := r.Attr(name)
	if a == nil {
		return r.Block.DefRange
	}
	rng := a.Expr.Range()
	expr := hcl.UnwrapExpression(a.Expr)
	if at, ok := c.eachEntry(r, expr); ok {
		return at
	}
	for mod := r.mod; mod != nil && mod.parent != nil; mod = mod.parent {
		variable, ok := variableRead(expr)
		if !ok {
			// An expression of the module's variables and more (try(x[0].arn,
			// var.arn), a conditional on var.create): what the caller passes decides
			// it, on the one variable it reads, or on the call as a whole.
			vars := readVariables(expr)
			switch {
			case len(vars) == 1:
				variable = vars[0]
			case len(vars) > 1:
				return mod.call.DefRange
			default:
				return rng
			}
		}
		arg := mod.args[variable]
		if arg == nil {
			return mod.call.DefRange
		}
		rng, expr = arg.Range(), hcl.UnwrapExpression(arg)
	}
	return rng
}

// ExpansionDecidedAt returns where a caller decides the instances of the resource block
// at address (its module path and type.name) in a called module: its for_each (the
// collection of a for expression) or count reads one of the module's variables, followed
// through the module calls to the argument that sets it, or to the call that leaves it at
// its default. ok is false for a block of the root module, or one whose instances its
// own module decides.
func (c *Config) ExpansionDecidedAt(address string) (hcl.Range, bool) {
	rb := c.blocks[address]
	if rb == nil || rb.mod.parent == nil {
		return hcl.Range{}, false
	}
	meta := metaOf(rb.block.Body)
	a := meta.Attributes["for_each"]
	if a == nil {
		a = meta.Attributes["count"]
	}
	if a == nil {
		return hcl.Range{}, false
	}
	expr := hcl.UnwrapExpression(a.Expr)
	if f, isFor := expr.(*hclsyntax.ForExpr); isFor {
		expr = hcl.UnwrapExpression(f.CollExpr)
	}
	variable, ok := variableRead(expr)
	if !ok {
		return hcl.Range{}, false
	}
	return c.callerArgument(rb.mod, variable), true
}

// Ignored reports whether an ignore comment silences rule's finding at rng, in a file
// tflint does not read the comments of (one outside the root module).
func (c *Config) Ignored(rule string, rng hcl.Range) bool {
	if c.IsRootFile(rng.Filename) {
		return false
	}
	file := c.files[rng.Filename]
	if file == nil {
		return false
	}
	comments, done := c.annotations[rng.Filename]
	if !done {
		comments, _ = ignore.Comments(rng.Filename, file.Bytes)
		c.annotations[rng.Filename] = comments
	}
	for _, comment := range comments {
		if comment.Covers(rule, rng.Start.Line) {
			return true
		}
	}
	return false
}

// IsRootFile reports whether a file is one of the root module's that tflint reads (its
// .tf and .tf.json files), whose ignore comments it honours and which it can fix.
func (c *Config) IsRootFile(name string) bool {
	return filepath.Dir(name) == filepath.Clean(c.rootDir) && !isTofuFile(name) && !c.replaced[name]
}

// UserRange returns where the user fixes what rng points at: rng itself, unless it lies
// in a module installed under .terraform, whose files are not the user's; then the module
// call in the user's code that leads there.
func (c *Config) UserRange(rng hcl.Range) hcl.Range {
	if !underDotTerraform(rng.Filename) {
		return rng
	}
	dir := filepath.Dir(rng.Filename)
	best := ""
	for d := range c.userCalls {
		if (dir == d || strings.HasPrefix(dir, d+string(filepath.Separator))) && len(d) > len(best) {
			best = d
		}
	}
	if best == "" {
		return rng
	}
	return c.userCalls[best]
}

// ModuleInstancesIn returns the addresses of the instances of a called module, written
// in the user's code, whose files lie in the folder of filename (module.svc["a"], ...):
// none for the root module's folder and for modules installed under .terraform.
func (c *Config) ModuleInstancesIn(filename string) []string {
	dir := filepath.Dir(filename)
	var out []string
	for _, mod := range c.modules {
		if mod.path != "" && mod.def.userCode && mod.def.dir == dir {
			out = append(out, mod.path)
		}
	}
	return out
}

// eachEntry returns where the caller wrote the for_each entry of a called module's
// resource instance, when the attribute expr reads each.value: the entry (a member of
// the map the caller passed) is where a setting it lacks is added.
func (c *Config) eachEntry(r *Resource, expr hcl.Expression) (hcl.Range, bool) {
	if r.mod == nil || r.mod.parent == nil {
		return hcl.Range{}, false
	}
	each, ok := r.scope["each"]
	if !ok || !slices.ContainsFunc(expr.Variables(), func(tr hcl.Traversal) bool { return tr.RootName() == "each" }) {
		return hcl.Range{}, false
	}
	if !each.Type().IsObjectType() || !each.Type().HasAttribute("value") {
		return hcl.Range{}, false
	}
	n := tree.FromMarkedValue(each.GetAttr("value"), hcl.Range{}, placer)
	if !n.Exact || n.Range.Filename == "" || underDotTerraform(n.Range.Filename) || n.Range.Filename == r.Block.DefRange.Filename {
		return hcl.Range{}, false
	}
	return n.Range, true
}

// readVariables returns the names of the input variables expr reads, once each.
func readVariables(expr hcl.Expression) []string {
	var out []string
	for _, tr := range expr.Variables() {
		if tr.RootName() != "var" {
			continue
		}
		if name, ok := stepName(tr, 1); ok && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// MissingBlockAt returns where to report that resource r has no block of type typ: for a
// resource in a called module whose dynamic block of that type its caller leaves empty
// (the dynamic block's for_each, or the condition that chooses it, reads one of the
// module's variables), the caller's argument, or the module call that leaves the
// variable at its default; otherwise the resource's block.
func (c *Config) MissingBlockAt(r *Resource, typ string) hcl.Range {
	rb := c.blocks[r.Address()]
	if rb == nil || r.mod == nil || r.mod.parent == nil {
		return r.Block.DefRange
	}
	body, isSyntax := rb.block.Body.(*hclsyntax.Body)
	if !isSyntax {
		return r.Block.DefRange
	}
	for _, b := range body.Blocks {
		if b.Type != "dynamic" || len(b.Labels) != 1 || b.Labels[0] != typ || b.Body.Attributes["for_each"] == nil {
			continue
		}
		expr := hcl.UnwrapExpression(b.Body.Attributes["for_each"].Expr)
		if cond, isCond := expr.(*hclsyntax.ConditionalExpr); isCond {
			expr = cond.Condition
		}
		if vars := readVariables(expr); len(vars) == 1 {
			return c.callerArgument(r.mod, vars[0])
		}
	}
	return r.Block.DefRange
}

// callerArgument returns where the caller of mod sets its variable: the argument of the
// module call, followed through further modules while it only passes on one of theirs,
// or the call that leaves the variable at its default.
func (c *Config) callerArgument(mod *module, variable string) hcl.Range {
	var rng hcl.Range
	for ; mod != nil && mod.parent != nil; mod = mod.parent {
		arg := mod.args[variable]
		if arg == nil {
			return mod.call.DefRange
		}
		rng = arg.Range()
		next, ok := variableRead(hcl.UnwrapExpression(arg))
		if !ok {
			break
		}
		variable = next
	}
	return rng
}
