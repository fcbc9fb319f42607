package tffunc

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/customdecode"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// tryFunc is Terraform's try, for a linter. Terraform returns a wholly unknown value as
// soon as the first argument that succeeds has an unknown part, since at apply it might
// still fail. A value whose lookups succeeded before apply keeps its known parts at
// apply, so this try returns that value as it is: only a value of which nothing is
// known, not even its type, becomes unknown. The known members of a try(local.service,
// {}) whose image comes from a data source are then still checked.
var tryFunc = function.New(&function.Spec{
	Description: "Returns the value of the first argument that evaluates without error.",
	VarParam: &function.Parameter{
		Name: "expressions",
		Type: customdecode.ExpressionClosureType,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		v, err := firstSuccess(args)
		if err != nil {
			return cty.NilType, err
		}
		return v.Type(), nil
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return firstSuccess(args)
	},
})

// firstSuccess evaluates the argument expressions in turn and returns the first value
// evaluated without error.
func firstSuccess(args []cty.Value) (cty.Value, error) {
	if len(args) == 0 {
		return cty.NilVal, errors.New("at least one argument is required")
	}
	var failures []string
	for _, arg := range args {
		v, diags := customdecode.ExpressionClosureFromVal(arg).Value()
		if diags.HasErrors() {
			failures = append(failures, diagnosticsText(diags))
			continue
		}
		if !v.IsKnown() && v.Type() == cty.DynamicPseudoType {
			return cty.DynamicVal.WithMarks(v.Marks()), nil
		}
		return v, nil
	}
	return cty.NilVal, fmt.Errorf("no expression succeeded:\n%s", strings.Join(failures, "\n"))
}

// diagnosticsText writes error diagnostics one a line.
func diagnosticsText(diags hcl.Diagnostics) string {
	var lines []string
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			lines = append(lines, "- "+d.Summary+": "+d.Detail)
		}
	}
	return strings.Join(lines, "\n")
}
