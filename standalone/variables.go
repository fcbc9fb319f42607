package standalone

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/lang/marks"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// variable is an input variable declared by the root module.
type variable struct {
	name string
	// constraint is the declared type with its optional attributes, typ the type of
	// values; defaults fills optional attributes.
	constraint, typ cty.Type
	defaults        *typeexpr.Defaults
	// def is the default, cty.NilVal when there is none.
	def cty.Value
	// hclValues says whether -var and TF_VAR_ values are HCL expressions (for a
	// type that is not a primitive one) or literal strings.
	hclValues                     bool
	sensitive, ephemeral, notNull bool
	declRange                     hcl.Range
}

// variableSchema picks the variable blocks out of the module.
var variableSchema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
	Type: "variable", LabelNames: []string{"name"},
	Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{
		{Name: "default"}, {Name: "type"}, {Name: "sensitive"}, {Name: "ephemeral"}, {Name: "nullable"},
	}},
}}}

// declaredVariables reads the variable blocks of a module.
func declaredVariables(m *moduleFiles) (map[string]*variable, hcl.Diagnostics) {
	content, diags := m.content(variableSchema)
	vars := map[string]*variable{}
	for _, b := range content.Blocks {
		v, d := decodeVariable(b)
		diags = append(diags, d...)
		vars[v.name] = v
	}
	return vars, diags
}

// decodeVariable reads one variable block as Terraform does.
func decodeVariable(b *hclext.Block) (*variable, hcl.Diagnostics) {
	v := &variable{name: b.Labels[0], constraint: cty.DynamicPseudoType, typ: cty.DynamicPseudoType, declRange: b.DefRange}
	var diags hcl.Diagnostics
	attrs := b.Body.Attributes
	if a := attrs["type"]; a != nil {
		var d hcl.Diagnostics
		v.constraint, v.defaults, v.hclValues, d = variableType(a.Expr)
		diags = append(diags, d...)
		v.typ = v.constraint.WithoutOptionalAttributesDeep()
	}
	for name, target := range map[string]*bool{"sensitive": &v.sensitive, "ephemeral": &v.ephemeral} {
		if a := attrs[name]; a != nil {
			diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, target)...)
		}
	}
	if a := attrs["nullable"]; a != nil {
		nullable := true
		diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, &nullable)...)
		v.notNull = !nullable
	}
	if a := attrs["default"]; a != nil {
		val, d := a.Expr.Value(nil)
		diags = append(diags, d...)
		if v.defaults != nil && !val.IsNull() {
			val = v.defaults.Apply(val)
		}
		converted, err := convert.Convert(val, v.constraint)
		if err != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid default value for variable",
				Detail:   fmt.Sprintf("This default value is not compatible with the variable's type constraint: %s.", err),
				Subject:  a.Expr.Range().Ptr(),
			})
			converted = cty.DynamicVal
		}
		v.def = converted
	}
	return v, diags
}

// variableType reads a type constraint, and whether values given on the command line
// are HCL expressions. Quoted types are Terraform 0.11's and refused, as Terraform does.
func variableType(expr hcl.Expression) (cty.Type, *typeexpr.Defaults, bool, hcl.Diagnostics) {
	if _, quoted := expr.(*hclsyntax.TemplateExpr); quoted {
		val, _ := expr.Value(nil)
		hint := "write the type without quotes"
		if val.Type() == cty.String && val.IsKnown() && !val.IsNull() {
			switch val.AsString() {
			case "list":
				hint = "write list(string) (or the element type) without quotes"
			case "map":
				hint = "write map(string) (or the element type) without quotes"
			}
		}
		return cty.DynamicPseudoType, nil, true, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Quoted type constraint",
			Detail:   "Types in quotes are Terraform 0.11 syntax: " + hint + ".",
			Subject:  expr.Range().Ptr(),
		}}
	}
	switch hcl.ExprAsKeyword(expr) {
	case "list":
		return cty.List(cty.DynamicPseudoType), nil, true, nil
	case "map":
		return cty.Map(cty.DynamicPseudoType), nil, true, nil
	}
	ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(expr)
	if diags.HasErrors() {
		return cty.DynamicPseudoType, nil, true, diags
	}
	return ty, defaults, !ty.IsPrimitiveType(), diags
}

// finalValue turns the value a variable was given (or cty.NilVal when none) into the
// value var.NAME has: the default when unset (or null for a non-nullable variable),
// unknown when there is neither; optional attributes filled, converted to the type,
// and marked sensitive or ephemeral as declared.
func (v *variable) finalValue(given cty.Value) (cty.Value, hcl.Diagnostics) {
	val := given
	switch {
	case val == cty.NilVal && v.def == cty.NilVal:
		val = cty.UnknownVal(v.typ)
	case val == cty.NilVal, val.IsNull() && v.notNull && v.def != cty.NilVal:
		val = v.def
	}
	if v.defaults != nil && !val.IsNull() {
		val = v.defaults.Apply(val)
	}
	var diags hcl.Diagnostics
	converted, err := convert.Convert(val, v.constraint)
	if err != nil {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Incorrect variable type",
			Detail:   fmt.Sprintf("The resolved value of variable %q is not appropriate: %s.", v.name, err),
			Subject:  v.declRange.Ptr(),
		})
		converted = cty.UnknownVal(v.typ)
	}
	if v.sensitive {
		converted = converted.Mark(marks.Sensitive)
	}
	if v.ephemeral {
		converted = converted.Mark(marks.Ephemeral)
	}
	return converted, diags
}

// parseGiven reads a value given as text (-var, TF_VAR_): a literal string for a
// variable of a primitive type, an undeclared one or one without a type, else an HCL
// expression.
func parseGiven(v *variable, name, text string) (cty.Value, hcl.Diagnostics) {
	if v == nil || !v.hclValues {
		return cty.StringVal(text), nil
	}
	expr, diags := hclsyntax.ParseExpression([]byte(text), fmt.Sprintf("<value for var.%s>", name), hcl.InitialPos)
	if diags.HasErrors() {
		return cty.DynamicVal, diags
	}
	val, d := expr.Value(nil)
	return val, append(diags, d...)
}
