package config

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"

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
// default), following variables passed on through further modules; for one that reads
// each.value (each.value.k, lookup(each.value, "k", ...)) of a for_each over a map a
// further caller wrote, that caller's entry (the key, when the entry writes it); otherwise
// the attribute, or the resource's block when it has none.
func (c *Config) MissingAt(r *Resource, name string) hcl.Range {
	a := r.Attr(name)
	if a == nil {
		return r.Block.DefRange
	}
	rng := a.Expr.Range()
	expr := hcl.UnwrapExpression(a.Expr)
	if r.mod != nil && r.mod.parent != nil {
		if at, ok := c.entryAt(r.scope["each"], expr, r.Block.DefRange.Filename); ok {
			return at
		}
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
		// An argument of a call with for_each that reads the entry, and no variable of
		// the calling module: the entry decides it, where its own caller wrote it.
		if len(readVariables(expr)) == 0 {
			if at, ok := c.entryAt(mod.callScope["each"], expr, rng.Filename); ok {
				return at
			}
		}
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

// entryAt returns where the for_each entry an expression reads was written (each is the
// each object of the scope expr is evaluated in), when expr reads each.value and the
// entry comes from elsewhere than from, the file expr is written in: a member of a map a
// caller passed is where a setting it lacks is added. When expr reads one key of the
// entry, and the entry writes that key, the place is the key's value.
func (c *Config) entryAt(each cty.Value, expr hcl.Expression, from string) (hcl.Range, bool) {
	keys, reads := entryKeys(expr)
	if !reads || each == cty.NilVal || !each.Type().IsObjectType() || !each.Type().HasAttribute("value") {
		return hcl.Range{}, false
	}
	n := tree.FromMarkedValue(each.GetAttr("value"), hcl.Range{}, placer)
	written := func(n *tree.Node) bool {
		return n.Exact && n.Range.Filename != "" && !underDotTerraform(n.Range.Filename) && n.Range.Filename != from
	}
	if len(keys) == 1 && n.Kind == tree.Object {
		if mem := n.Member(keys[0]); mem != nil && written(mem.Value) {
			if !mem.Value.Spanned {
				return mem.Value.Range, true
			}
			// A value spanning its parts (an object) may take in parts written
			// elsewhere in the file (locals): the entry's constructor says where the
			// key's value is written.
			if obj := c.constructorOf(n, written); obj != nil {
				if value, found := itemValue(obj, keys[0]); found {
					return value, true
				}
			}
		}
	}
	if n.Kind == tree.Object {
		if obj := c.constructorOf(n, written); obj != nil {
			return obj.SrcRange, true
		}
		return hcl.Range{}, false
	}
	if written(n) {
		return n.Range, true
	}
	return hcl.Range{}, false
}

// constructorOf returns the object constructor ({...}) that wrote the object n: of those
// that may have written it (writesKeys) in the files its members were written in (where
// written says the user wrote them), the one that holds the most members written in
// place, or the only one; nil when none can be told.
func (c *Config) constructorOf(n *tree.Node, written func(*tree.Node) bool) *hclsyntax.ObjectConsExpr {
	if n.Kind != tree.Object || len(n.Members) == 0 {
		return nil
	}
	// Where the entry's parts were written, the parts of its members' values included:
	// a value spanning its parts is no evidence (it may take in a local's literal).
	var files []string
	var inline []hcl.Range
	var gather func(*tree.Node)
	gather = func(v *tree.Node) {
		if written(v) && !v.Spanned {
			inline = append(inline, v.Range)
			if !slices.Contains(files, v.Range.Filename) {
				files = append(files, v.Range.Filename)
			}
			return
		}
		for _, m := range v.Members {
			gather(m.Value)
		}
		for _, it := range v.Items {
			gather(it)
		}
	}
	for _, mem := range n.Members {
		gather(mem.Value)
	}
	slices.Sort(files)
	var best *hclsyntax.ObjectConsExpr
	candidates, most, tied := 0, 0, false
	for _, name := range files {
		f := c.files[name]
		if f == nil {
			continue
		}
		body, ok := f.Body.(*hclsyntax.Body)
		if !ok {
			continue
		}
		hclsyntax.VisitAll(body, func(node hclsyntax.Node) hcl.Diagnostics {
			obj, isObj := node.(*hclsyntax.ObjectConsExpr)
			if !isObj || !writesKeys(obj, n) {
				return nil
			}
			candidates++
			held := 0
			for _, r := range inline {
				if within(r, obj.SrcRange) {
					held++
				}
			}
			switch {
			case held > most || candidates == 1:
				best, most, tied = obj, held, false
			case held == most:
				tied = true
			}
			return nil
		})
	}
	if candidates == 0 || tied || (most == 0 && candidates > 1) {
		return nil
	}
	return best
}

// writesKeys reports whether a constructor may have written the object n: it writes
// keys of n only (each as a name or a quoted string), and every key of n it does not
// write holds nothing anyone wrote (a type's optional attribute, null or its default).
func writesKeys(obj *hclsyntax.ObjectConsExpr, n *tree.Node) bool {
	if len(obj.Items) == 0 {
		return false
	}
	seen := map[string]bool{}
	for _, item := range obj.Items {
		key := hcl.ExprAsKeyword(item.KeyExpr)
		if key == "" {
			wrapped, ok := item.KeyExpr.(*hclsyntax.ObjectConsKeyExpr)
			if !ok {
				return false
			}
			if key, ok = literalString(wrapped.Wrapped); !ok {
				return false
			}
		}
		mem := n.Member(key)
		if mem == nil || !literalSays(item.ValueExpr, mem.Value) {
			return false
		}
		seen[key] = true
	}
	for _, mem := range n.Members {
		if !seen[mem.Key] && mem.Value.Exact && mem.Value.Kind != tree.Null {
			return false
		}
	}
	return true
}

// literalSays reports whether expr may have written the value v: when expr is a literal,
// v must be that very literal (its origin), or null for null.
func literalSays(expr hclsyntax.Expression, v *tree.Node) bool {
	var rng hcl.Range
	switch e := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		if e.Val.IsNull() {
			return v.Kind == tree.Null
		}
		rng = e.SrcRange
	case *hclsyntax.TemplateExpr:
		if len(e.Parts) != 1 {
			return true
		}
		if _, isLiteral := e.Parts[0].(*hclsyntax.LiteralValueExpr); !isLiteral {
			return true
		}
		rng = e.SrcRange
	default:
		return true
	}
	return v.Exact && v.Range.Filename == rng.Filename && v.Range.Start.Byte == rng.Start.Byte && v.Range.End.Byte == rng.End.Byte
}

// within reports whether inner lies inside outer, in the same file.
func within(inner, outer hcl.Range) bool {
	return inner.Filename == outer.Filename && inner.Start.Byte >= outer.Start.Byte && inner.End.Byte <= outer.End.Byte
}

// entryKeys returns the keys of each.value that expr reads (each.value.k, each.value["k"],
// lookup(each.value, "k", ...)), once each, with "" for each.value read otherwise (as a
// whole, or at a key it computes); reads says whether it reads each.value at all.
func entryKeys(expr hcl.Expression) (keys []string, reads bool) {
	add := func(k string) {
		reads = true
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	node, ok := expr.(hclsyntax.Node)
	if !ok {
		for _, tr := range expr.Variables() {
			if k, isEntry := entryKey(tr); isEntry {
				add(k)
			}
		}
		return keys, reads
	}
	looked := map[*hclsyntax.ScopeTraversalExpr]bool{}
	hclsyntax.VisitAll(node, func(n hclsyntax.Node) hcl.Diagnostics {
		switch e := n.(type) {
		case *hclsyntax.FunctionCallExpr:
			if e.Name != "lookup" || len(e.Args) < 2 || e.ExpandFinal {
				return nil
			}
			tr, isTraversal := e.Args[0].(*hclsyntax.ScopeTraversalExpr)
			if !isTraversal {
				return nil
			}
			if k, isEntry := entryKey(tr.Traversal); isEntry && k == "" {
				if key, known := literalString(e.Args[1]); known {
					looked[tr] = true
					add(key)
				}
			}
		case *hclsyntax.ScopeTraversalExpr:
			if k, isEntry := entryKey(e.Traversal); isEntry && !looked[e] {
				add(k)
			}
		}
		return nil
	})
	return keys, reads
}

// entryKey reads a traversal of each.value: the key it reads, "" for each.value itself.
func entryKey(tr hcl.Traversal) (string, bool) {
	if tr.RootName() != "each" {
		return "", false
	}
	if step, ok := stepName(tr, 1); !ok || step != "value" {
		return "", false
	}
	if len(tr) == 2 {
		return "", true
	}
	switch s := tr[2].(type) {
	case hcl.TraverseAttr:
		return s.Name, true
	case hcl.TraverseIndex:
		if s.Key.Type() == cty.String && s.Key.IsKnown() && !s.Key.IsNull() {
			return s.Key.AsString(), true
		}
	}
	return "", true
}

// literalString returns the string a quoted string of one literal part says.
func literalString(expr hclsyntax.Expression) (string, bool) {
	tmpl, ok := expr.(*hclsyntax.TemplateExpr)
	if !ok || len(tmpl.Parts) != 1 {
		return "", false
	}
	lit, ok := tmpl.Parts[0].(*hclsyntax.LiteralValueExpr)
	if !ok {
		return "", false
	}
	v, _ := lit.Val.Unmark()
	if v.Type() != cty.String || v.IsNull() || !v.IsKnown() {
		return "", false
	}
	return v.AsString(), true
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
// (see DynamicGate), the caller's argument, or the module call that leaves the variable
// at its default; otherwise the resource's block.
func (c *Config) MissingBlockAt(r *Resource, typ string) hcl.Range {
	if r.mod == nil || r.mod.parent == nil {
		return r.Block.DefRange
	}
	if variable, ok := c.DynamicGate(r, typ); ok {
		return c.callerArgument(r.mod, variable)
	}
	return r.Block.DefRange
}

// DynamicGate returns the one variable of r's module that decides whether r's dynamic
// block of type typ has content: its for_each, or the condition that chooses it
// (var.mode == "x" ? [...] : []), reads that variable and no other.
func (c *Config) DynamicGate(r *Resource, typ string) (string, bool) {
	rb := c.blocks[r.Address()]
	if rb == nil {
		return "", false
	}
	body, isSyntax := rb.block.Body.(*hclsyntax.Body)
	if !isSyntax {
		return "", false
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
			return vars[0], true
		}
	}
	return "", false
}

// ReadVariable returns the variable of its module that attribute name of r is written
// as (var.x).
func (c *Config) ReadVariable(r *Resource, name string) (string, bool) {
	rb := c.blocks[r.Address()]
	if rb == nil {
		return "", false
	}
	body, isSyntax := rb.block.Body.(*hclsyntax.Body)
	if !isSyntax || body.Attributes[name] == nil {
		return "", false
	}
	return variableRead(hcl.UnwrapExpression(body.Attributes[name].Expr))
}

// VariablesBehind returns the variables of r's module that attribute name of r is
// computed from, through the locals it reads, once each.
func (c *Config) VariablesBehind(r *Resource, name string) []string {
	rb := c.blocks[r.Address()]
	if rb == nil {
		return nil
	}
	body, isSyntax := rb.block.Body.(*hclsyntax.Body)
	if !isSyntax || body.Attributes[name] == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	var visit func(expr hcl.Expression)
	visit = func(expr hcl.Expression) {
		for _, tr := range expr.Variables() {
			switch tr.RootName() {
			case "var":
				if v, ok := stepName(tr, 1); ok && !slices.Contains(out, v) {
					out = append(out, v)
				}
			case "local":
				l, ok := stepName(tr, 1)
				if !ok || seen[l] {
					continue
				}
				seen[l] = true
				if local, ok := rb.mod.eval.Local(l); ok {
					visit(local)
				}
			}
		}
	}
	visit(body.Attributes[name].Expr)
	return out
}

// ElementAt returns where a caller wrote the element of a dynamic block's for_each that
// generated block b in a called module (an entry of a map it passed, {...}): the place
// to add what the block lacks. ok is false for a block written out, or an element
// written in the module itself.
func (c *Config) ElementAt(b *hclext.Block) (hcl.Range, bool) {
	v, ok := c.generated[b]
	if !ok {
		return hcl.Range{}, false
	}
	n := tree.FromMarkedValue(v, hcl.Range{}, placer)
	written := func(n *tree.Node) bool {
		return n.Exact && n.Range.Filename != "" && !underDotTerraform(n.Range.Filename) && n.Range.Filename != b.DefRange.Filename
	}
	if obj := c.constructorOf(n, written); obj != nil {
		return obj.SrcRange, true
	}
	return hcl.Range{}, false
}

// callerArgument returns where the caller of mod sets its variable: the argument of the
// module call, followed through further modules while it only passes on one of theirs or
// reads the entry of a for_each call (then the entry, where its caller wrote it), or the
// call that leaves the variable at its default.
func (c *Config) callerArgument(mod *module, variable string) hcl.Range {
	var rng hcl.Range
	for ; mod != nil && mod.parent != nil; mod = mod.parent {
		arg := mod.args[variable]
		if arg == nil {
			return mod.call.DefRange
		}
		rng = arg.Range()
		expr := hcl.UnwrapExpression(arg)
		next, ok := variableRead(expr)
		if !ok {
			// An argument of a call with for_each that reads the entry: the entry
			// decides it, where its own caller wrote it.
			if len(readVariables(expr)) == 0 {
				if at, ok := c.entryAt(mod.callScope["each"], expr, rng.Filename); ok {
					return at
				}
			}
			break
		}
		variable = next
	}
	return rng
}

// itemValue returns the range of the value an object constructor writes for key.
func itemValue(obj *hclsyntax.ObjectConsExpr, key string) (hcl.Range, bool) {
	for _, item := range obj.Items {
		if hcl.ExprAsKeyword(item.KeyExpr) == key {
			return item.ValueExpr.Range(), true
		}
	}
	return hcl.Range{}, false
}
