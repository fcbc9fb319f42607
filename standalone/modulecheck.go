package standalone

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/fargate-lint/tflint-ruleset-fargate/tffunc"
)

// maxModuleLevels is how deep module calls may nest before the check calls it a loop.
const maxModuleLevels = 10

// moduleChecker builds the module tree as tflint builds the configuration before
// linting, so that a folder tflint fails fails here too, with tflint's diagnostics:
// with call_module_type "local" (the default), every local module folder must exist and
// parse; with "all", remote modules must also be installed by `terraform init`; "none"
// follows no call (but evaluates the root's sources). Each followed call's source, count, for_each and the arguments its
// module declares a variable for are evaluated as Terraform evaluates them (see scope).
// Findings inside called modules are the model's business, not this.
type moduleChecker struct {
	rootAbs, prefix string
	callType        string
	installed       map[string]string
	funcs           map[string]function.Function
	// sources are the texts of the called modules' files read, for reports to quote.
	sources map[string][]byte
}

// checkModuleCalls checks the module calls of the root module read from rootAbs; in
// is what its variables were given, cwd the folder the linter started in. It returns
// the diagnostics tflint's configuration build gives, and the texts of the files read.
func checkModuleCalls(root *moduleFiles, vars map[string]*variable, in *inputs, rootAbs, prefix, cwd, callType string) (hcl.Diagnostics, map[string][]byte) {
	c := &moduleChecker{
		rootAbs: rootAbs, prefix: prefix, callType: callType, installed: installedModules(rootAbs),
		funcs: tffunc.Functions(tffunc.Options{BaseDir: rootAbs}), sources: map[string][]byte{},
	}
	s := newScope(root, ".", cwd, vars, nil, c.funcs)
	s.rootInputs = in
	return c.check(root, s, nil), c.sources
}

// moduleCall is a module block as the check reads it.
type moduleCall struct {
	name  string
	block *hcl.Block
	attrs hcl.Attributes
}

// calls returns the module blocks of a module, in file order (primaries, then overrides).
func calls(mod *moduleFiles) []moduleCall {
	var out []moduleCall
	for _, name := range mod.names() {
		out = append(out, callsIn(mod.files[name])...)
	}
	return out
}

// callsIn returns the module blocks of a file.
func callsIn(file *hcl.File) []moduleCall {
	var out []moduleCall
	content, _, _ := file.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "module", LabelNames: []string{"name"}}}})
	for _, b := range content.Blocks {
		attrs, _ := b.Body.JustAttributes()
		out = append(out, moduleCall{name: b.Labels[0], block: b, attrs: attrs})
	}
	return out
}

// check follows the calls of mod, evaluated in s; path is the module's call path.
func (c *moduleChecker) check(mod *moduleFiles, s *scope, path []string) hcl.Diagnostics {
	var diags hcl.Diagnostics
	all := calls(mod)
	byName := map[string]moduleCall{}
	for _, call := range all {
		if _, seen := byName[call.name]; !seen {
			byName[call.name] = call
		}
	}
	names := mapKeys(byName)
	sort.Strings(names)
	for _, name := range names {
		call := byName[name]
		callPath := append(append([]string{}, path...), name)
		if len(callPath) > maxModuleLevels {
			return append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Module stack level too deep",
				Detail:   fmt.Sprintf("This configuration has nested modules more than 10 levels deep. This is mainly caused by circular references. current path: %s", modulePath(path)),
				Subject:  call.block.DefRange.Ptr(),
			})
		}
		src := call.attrs["source"]
		if src == nil {
			continue
		}
		v, d := s.eval(src.Expr, cty.String)
		if d.HasErrors() {
			diags = append(diags, d...)
			continue
		}
		if !v.IsKnown() || v.IsNull() || v.IsMarked() {
			continue
		}
		source := v.AsString()
		var childDir string
		switch {
		case c.callType == "none":
			// The source is evaluated, as tflint does, but no call is followed.
			continue
		case strings.HasPrefix(source, "./") || strings.HasPrefix(source, "../"):
			childDir = filepath.Join(s.dir, filepath.FromSlash(source))
			if _, err := os.Stat(filepath.Join(c.rootAbs, childDir)); err != nil {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  fmt.Sprintf("%q module is not found", name),
					Detail:   fmt.Sprintf("The module directory %q does not exist or cannot be read.", filepath.Join(c.prefix, childDir)),
					Subject:  call.block.DefRange.Ptr(),
				})
				continue
			}
		case c.callType == "all":
			installed, ok := c.installed[strings.Join(callPath, ".")]
			if !ok {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  fmt.Sprintf("%q module is not found. Did you run \"terraform init\"?", name),
					Subject:  call.block.DefRange.Ptr(),
				})
				continue
			}
			childDir = installed
		default:
			continue
		}
		child, d := readModule(filepath.Join(c.rootAbs, childDir), filepath.Join(c.prefix, childDir))
		diags = append(diags, d...)
		if child == nil {
			continue
		}
		for n, src := range child.sources {
			c.sources[n] = src
		}
		childVars, _ := declaredVariables(child)
		given, d, expanded := c.arguments(s, mod, call, childVars)
		if d.HasErrors() {
			diags = append(diags, d...)
			continue
		}
		if !expanded {
			// count = 0, an empty for_each, or one not known: no instance to follow.
			continue
		}
		cs := newScope(child, childDir, s.cwd, childVars, given, c.funcs)
		diags = append(diags, c.check(child, cs, callPath)...)
	}
	return diags
}

// arguments evaluates call's arguments as tflint does when it builds the called
// module's context. File by file, it first looks up every reference in the module
// blocks of the caller (all of them, not only call's) made by count, for_each and the
// arguments call's module declares a variable for, then expands the blocks by count and
// for_each; then it evaluates the arguments of call's first instance. Any error stops
// there: a bad reference in one module block is reported again for every call. It says
// whether call has an instance.
func (c *moduleChecker) arguments(s *scope, mod *moduleFiles, call moduleCall, vars map[string]*variable) (map[string]cty.Value, hcl.Diagnostics, bool) {
	wanted := func(name string) bool { return name == "count" || name == "for_each" || vars[name] != nil }
	var diags hcl.Diagnostics
	var iteration map[string]cty.Value
	found := false
	for _, name := range mod.names() {
		blocks := callsIn(mod.files[name])
		for _, b := range blocks {
			for _, a := range sortedAttrs(b.attrs) {
				if wanted(a.Name) {
					_, d := s.context(a.Expr.Variables())
					diags = append(diags, d...)
				}
			}
		}
		for _, b := range blocks {
			it, d, ok := s.expand(b)
			diags = append(diags, d...)
			if b.name == call.name && ok && !found {
				found, iteration = true, it
			}
		}
	}
	if diags.HasErrors() || !found {
		return nil, diags, false
	}
	s.iteration = iteration
	defer func() { s.iteration = nil }()
	given := map[string]cty.Value{}
	for _, a := range sortedAttrs(call.attrs) {
		if vars[a.Name] == nil {
			continue
		}
		v, d := s.eval(a.Expr, cty.DynamicPseudoType)
		diags = append(diags, d...)
		given[a.Name] = v
	}
	return given, diags, !diags.HasErrors()
}

// sortedAttrs returns attributes in the order they are written.
func sortedAttrs(attrs hcl.Attributes) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Range, out[j].Range
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		return a.Start.Byte < b.Start.Byte
	})
	return out
}

// expand evaluates a module call's count or for_each, and returns the first instance's
// count or each object; false when the call has no instance or it cannot be known. The
// references were looked up before: their errors are not reported again.
func (s *scope) expand(call moduleCall) (map[string]cty.Value, hcl.Diagnostics, bool) {
	if a := call.attrs["count"]; a != nil {
		v, diags := s.evalKnownRefs(a.Expr, cty.Number)
		if diags.HasErrors() || !v.IsKnown() || v.IsNull() {
			return nil, diags, false
		}
		n, _ := v.Unmark()
		if n.LessThanOrEqualTo(cty.Zero).True() {
			return nil, diags, false
		}
		return map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.Zero})}, diags, true
	}
	if a := call.attrs["for_each"]; a != nil {
		v, diags := s.evalKnownRefs(a.Expr, cty.DynamicPseudoType)
		if diags.HasErrors() || !v.IsWhollyKnown() || v.IsNull() {
			return nil, diags, false
		}
		v, _ = v.UnmarkDeep()
		if !v.CanIterateElements() || v.LengthInt() == 0 {
			return nil, diags, false
		}
		it := v.ElementIterator()
		it.Next()
		k, e := it.Element()
		if v.Type().IsSetType() {
			k = e
		}
		return map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": k, "value": e})}, diags, true
	}
	return nil, nil, true
}

// modulePath writes a call path as Terraform does (module.a.module.b).
func modulePath(path []string) string {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = "module." + p
	}
	return strings.Join(parts, ".")
}

// installedModules reads where `terraform init` installed the root module's remote
// modules, by call path (a.b for module b called by module a), relative to the root.
func installedModules(rootAbs string) map[string]string {
	src, err := os.ReadFile(filepath.Join(rootAbs, ".terraform", "modules", "modules.json"))
	if err != nil {
		return nil
	}
	var manifest struct {
		Modules []struct{ Key, Dir string }
	}
	if json.Unmarshal(src, &manifest) != nil {
		return nil
	}
	out := map[string]string{}
	for _, m := range manifest.Modules {
		out[m.Key] = filepath.FromSlash(m.Dir)
	}
	return out
}
