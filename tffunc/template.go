package tffunc

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// varsParam is a template's variables: a map or object, left marked so that
// interpolations carry the marks of what they interpolate.
var varsParam = function.Parameter{Name: "vars", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowMarked: true, AllowDynamicType: true}

// templateFileFunc is templatefile: renders the file at path (resolved as file
// does) with funcs.
func templateFileFunc(baseDir string, funcs map[string]function.Function) function.Function {
	fs := fileSystem{baseDir}
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, varsParam},
		Type:   function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			given := args[0].AsString()
			p, ok := fs.resolve(given)
			if !ok {
				return cty.DynamicVal, nil
			}
			b, err := fs.read(p, given)
			if err != nil {
				return cty.NilVal, function.NewArgError(0, err)
			}
			src, err := utf8String(b, "contents are not valid UTF-8")
			if err != nil {
				return cty.NilVal, fmt.Errorf("%s: %w", given, err)
			}
			return render(src, given, args[1], funcs)
		},
	})
}

// templateStringFunc is templatestring (Terraform 1.9, OpenTofu 1.7): renders a
// string value as a template. Terraform also requires the first argument to be a
// reference rather than a literal template; OpenTofu does not, and neither does
// this function.
func templateStringFunc(funcs map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "template", Type: cty.String, AllowMarked: true}, varsParam},
		Type:   function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			tmpl, marks := args[0].Unmark()
			v, err := render(tmpl.AsString(), "<templatestring>", args[1], funcs)
			if err != nil {
				return cty.NilVal, err
			}
			return v.WithMarks(marks), nil
		},
	})
}

// render evaluates src as a template with the variables in vars. Vars that are not
// wholly known give an unknown result.
func render(src, filename string, vars cty.Value, funcs map[string]function.Function) (cty.Value, error) {
	if !vars.IsWhollyKnown() {
		return cty.DynamicVal.WithMarks(deepMarks([]cty.Value{vars})...), nil
	}
	vars, marks := vars.Unmark()
	if ty := vars.Type(); !ty.IsMapType() && !ty.IsObjectType() {
		return cty.NilVal, function.NewArgErrorf(1, "invalid vars value: must be a map or an object")
	}
	expr, diags := hclsyntax.ParseTemplate([]byte(src), filename, hcl.InitialPos)
	if diags.HasErrors() {
		return cty.NilVal, diags
	}
	variables := vars.AsValueMap()
	for name := range variables {
		if !hclsyntax.ValidIdentifier(name) {
			return cty.NilVal, function.NewArgErrorf(1, "invalid template variable name %q: must start with a letter, followed by zero or more letters, digits, and underscores", name)
		}
	}
	for _, traversal := range expr.Variables() {
		if _, ok := variables[traversal.RootName()]; !ok {
			return cty.NilVal, function.NewArgErrorf(1, "vars map does not contain key %q, referenced at %s", traversal.RootName(), traversal.SourceRange())
		}
	}
	v, diags := expr.Value(&hcl.EvalContext{Variables: variables, Functions: funcs})
	if diags.HasErrors() {
		return cty.NilVal, diags
	}
	return v.WithMarks(marks), nil
}

// forbiddenInTemplate stands in for a template function inside a template.
func forbiddenInTemplate(name string, f function.Function) function.Function {
	return function.New(&function.Spec{
		Params:   f.Params(),
		VarParam: f.VarParam(),
		Type: func([]cty.Value) (cty.Type, error) {
			return cty.NilType, fmt.Errorf("cannot call %s from inside a template", name)
		},
		Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
			return cty.NilVal, fmt.Errorf("cannot call %s from inside a template", name)
		},
	})
}

// TemplateFileParts reads the template file at path as templatefile does and evaluates
// each of its top-level parts with vars, which may be partly unknown: a literal part is
// its text, an interpolation or directive its value (unknown when it reads an unknown
// variable). It lets a caller render what is known of a template whose variables are
// not all known, which templatefile leaves wholly unknown. ok is false when the file
// cannot be read or parsed, or vars is not an object or map of known keys.
func TemplateFileParts(opts Options, path string, vars cty.Value) (parts []cty.Value, ok bool) {
	fs := fileSystem{opts.BaseDir}
	p, ok := fs.resolve(path)
	if !ok {
		return nil, false
	}
	b, err := fs.read(p, path)
	if err != nil {
		return nil, false
	}
	vars, _ = vars.Unmark()
	if !vars.IsKnown() || vars.IsNull() || (!vars.Type().IsMapType() && !vars.Type().IsObjectType()) {
		return nil, false
	}
	expr, diags := hclsyntax.ParseTemplate(b, path, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, false
	}
	tmpl, isTemplate := expr.(*hclsyntax.TemplateExpr)
	if !isTemplate {
		return nil, false
	}
	ctx := &hcl.EvalContext{Variables: vars.AsValueMap(), Functions: Functions(opts)}
	for _, part := range tmpl.Parts {
		v, diags := part.Value(ctx)
		if diags.HasErrors() {
			v = cty.DynamicVal
		}
		parts = append(parts, v)
	}
	return parts, true
}
