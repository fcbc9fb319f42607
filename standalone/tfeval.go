package standalone

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
)

// Before linting, tflint builds the configuration: it follows the module calls and
// evaluates what that needs (each call's source, count and for_each, and the arguments
// the called module declares a variable for) as Terraform evaluates expressions. An
// expression Terraform rejects there (a reference to an undeclared variable or local
// value, a function that fails, such as file() of a missing file) fails the folder. The
// scope below evaluates those expressions the same way, with the same diagnostics.

// scope is one module instance's evaluation scope: its declared variables and the
// values they were given, its local values, and its path.module.
type scope struct {
	// dir is the module's folder relative to the root module's (path.module); root is
	// the root's scope (path.root), cwd the folder the linter started in (path.cwd).
	dir, cwd string
	vars     map[string]*variable
	// given are the values of the variables passed in (a called module's arguments),
	// or nil for the root module, whose values come from rootInputs.
	given      map[string]cty.Value
	rootInputs *inputs
	locals     map[string]hcl.Expression
	localVals  map[string]evaluated
	visiting   map[string]bool
	funcs      map[string]function.Function
	// iteration holds count and each while a module call's arguments are evaluated.
	iteration map[string]cty.Value
}

// newScope returns the scope of a module read from files.
func newScope(files *moduleFiles, dir, cwd string, vars map[string]*variable, given map[string]cty.Value, funcs map[string]function.Function) *scope {
	s := &scope{
		dir: dir, cwd: cwd, vars: vars, given: given, funcs: funcs,
		locals: map[string]hcl.Expression{}, localVals: map[string]evaluated{}, visiting: map[string]bool{},
	}
	for _, name := range files.names() {
		attrs := localsOf(files.files[name])
		for n, a := range attrs {
			s.locals[n] = a.Expr
		}
	}
	return s
}

// localsOf returns the local values a file defines.
func localsOf(file *hcl.File) hcl.Attributes {
	content, _, _ := file.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "locals"}}})
	out := hcl.Attributes{}
	for _, b := range content.Blocks {
		attrs, _ := b.Body.JustAttributes()
		for n, a := range attrs {
			out[n] = a
		}
	}
	return out
}

// eval evaluates expr as Terraform does: every reference is looked up first, and an
// invalid one fails the evaluation before any value is computed; references to
// resources, data sources and module outputs are unknown.
func (s *scope) eval(expr hcl.Expression, want cty.Type) (cty.Value, hcl.Diagnostics) {
	ctx, diags := s.context(expr.Variables())
	if diags.HasErrors() {
		return cty.DynamicVal, diags
	}
	val, d := s.value(ctx, expr, want)
	return val, append(diags, d...)
}

// value evaluates expr in ctx, converted to want.
func (s *scope) value(ctx *hcl.EvalContext, expr hcl.Expression, want cty.Type) (cty.Value, hcl.Diagnostics) {
	val, diags := expr.Value(ctx)
	if diags.HasErrors() {
		return cty.UnknownVal(want), diags
	}
	if want != cty.DynamicPseudoType {
		converted, err := convert.Convert(val, want)
		if err != nil {
			return cty.UnknownVal(want), append(diags, &hcl.Diagnostic{
				Severity:    hcl.DiagError,
				Summary:     "Incorrect value type",
				Detail:      fmt.Sprintf("Invalid expression value: %s.", err),
				Subject:     expr.Range().Ptr(),
				Expression:  expr,
				EvalContext: ctx,
			})
		}
		val = converted
	}
	return val, diags
}

// evalKnownRefs evaluates expr whose references were looked up already: a reference
// that failed is unknown, without a diagnostic.
func (s *scope) evalKnownRefs(expr hcl.Expression, want cty.Type) (cty.Value, hcl.Diagnostics) {
	ctx, _ := s.context(expr.Variables())
	return s.value(ctx, expr, want)
}

// context builds the evaluation context of the references refs.
func (s *scope) context(refs []hcl.Traversal) (*hcl.EvalContext, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	vars, locals, paths, tf := map[string]cty.Value{}, map[string]cty.Value{}, map[string]cty.Value{}, map[string]cty.Value{}
	others := map[string]cty.Value{}
	for _, ref := range refs {
		root := ref.RootName()
		name, rng := "", ref.SourceRange()
		if len(ref) > 1 {
			if attr, ok := ref[1].(hcl.TraverseAttr); ok {
				name = attr.Name
				rng = hcl.RangeBetween(ref[0].SourceRange(), ref[1].SourceRange())
			}
		}
		switch root {
		case "var":
			if name == "" {
				continue
			}
			v, d := s.variable(name, rng)
			diags = append(diags, d...)
			vars[name] = v
		case "local":
			if name == "" {
				continue
			}
			v, d := s.local(name, rng)
			diags = append(diags, d...)
			locals[name] = v
		case "path":
			v, d := s.path(name, rng)
			diags = append(diags, d...)
			paths[name] = v
		case "terraform":
			if name == "workspace" {
				tf[name] = cty.StringVal(workspace(s.cwd))
			} else {
				tf[name] = cty.DynamicVal
			}
		case "count", "each":
			if v, ok := s.iteration[root]; ok {
				others[root] = v
			} else {
				others[root] = cty.DynamicVal
			}
		default:
			// Resources, data sources, module outputs, self: not known before apply.
			others[root] = cty.DynamicVal
		}
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: s.funcs}
	for name, m := range map[string]map[string]cty.Value{"var": vars, "local": locals, "path": paths, "terraform": tf} {
		if len(m) > 0 {
			ctx.Variables[name] = cty.ObjectVal(m)
		}
	}
	for name, v := range others {
		ctx.Variables[name] = v
	}
	return ctx, diags
}

// variable returns var.name.
func (s *scope) variable(name string, rng hcl.Range) (cty.Value, hcl.Diagnostics) {
	v := s.vars[name]
	if v == nil {
		hint := suggestName(name, mapKeys(s.vars))
		if hint != "" {
			hint = fmt.Sprintf(" Did you mean %q?", hint)
		} else {
			hint = fmt.Sprintf(" This variable can be declared with a variable %q {} block.", name)
		}
		return cty.DynamicVal, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Reference to undeclared input variable",
			Detail:   fmt.Sprintf("An input variable with the name %q has not been declared.%s", name, hint),
			Subject:  rng.Ptr(),
		}}
	}
	if s.rootInputs != nil {
		return s.rootInputs.value(name, rng)
	}
	given, ok := s.given[name]
	if !ok {
		given = cty.NilVal
	}
	return v.finalValue(given)
}

// local returns local.name, evaluating its expression once.
func (s *scope) local(name string, rng hcl.Range) (cty.Value, hcl.Diagnostics) {
	if e, ok := s.localVals[name]; ok {
		return e.val, e.diags
	}
	expr, ok := s.locals[name]
	if !ok {
		hint := suggestName(name, mapKeys(s.locals))
		if hint != "" {
			hint = fmt.Sprintf(" Did you mean %q?", hint)
		}
		return cty.DynamicVal, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Reference to undeclared local value",
			Detail:   fmt.Sprintf("A local value with the name %q has not been declared.%s", name, hint),
			Subject:  rng.Ptr(),
		}}
	}
	if s.visiting[name] {
		// A cycle: Terraform refuses it elsewhere; unknown here.
		return cty.DynamicVal, nil
	}
	s.visiting[name] = true
	// Iteration values belong to the module call being evaluated, not to locals.
	iteration := s.iteration
	s.iteration = nil
	val, diags := s.eval(expr, cty.DynamicPseudoType)
	s.iteration = iteration
	s.visiting[name] = false
	s.localVals[name] = evaluated{val, diags}
	return val, diags
}

// path returns path.name.
func (s *scope) path(name string, rng hcl.Range) (cty.Value, hcl.Diagnostics) {
	switch name {
	case "module":
		return cty.StringVal(filepath.ToSlash(s.dir)), nil
	case "root":
		return cty.StringVal("."), nil
	case "cwd":
		return cty.StringVal(filepath.ToSlash(s.cwd)), nil
	}
	hint := suggestName(name, []string{"cwd", "module", "root"})
	if hint != "" {
		hint = fmt.Sprintf(" Did you mean %q?", hint)
	}
	return cty.DynamicVal, hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  `Invalid "path" attribute`,
		Detail:   fmt.Sprintf(`The "path" object does not have an attribute named %q.%s`, name, hint),
		Subject:  rng.Ptr(),
	}}
}

// workspace is the selected workspace as Terraform reads it: TF_WORKSPACE, else the
// name `terraform workspace select` wrote under .terraform, else "default".
func workspace(dir string) string {
	if w := os.Getenv("TF_WORKSPACE"); w != "" {
		return w
	}
	if b, err := os.ReadFile(filepath.Join(dir, ".terraform", "environment")); err == nil {
		if w := strings.TrimSpace(string(b)); w != "" {
			return w
		}
	}
	return "default"
}

// suggestName returns a name among candidates close to given (fewer than three edits
// away), or "".
func suggestName(given string, candidates []string) string {
	sort.Strings(candidates)
	for _, c := range candidates {
		if editDistance(given, c) < 3 {
			return c
		}
	}
	return ""
}

// editDistance is the Levenshtein distance between two strings, by rune.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// mapKeys returns the keys of a map.
func mapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
