package tffunc

import (
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/lang/marks"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// markParam passes any value through verbatim: unknown, null, marked or untyped.
var markParam = []function.Parameter{anyParam("value")}

func sameType(args []cty.Value) (cty.Type, error) {
	return args[0].Type(), nil
}

// sensitiveFunc marks a value as sensitive.
var sensitiveFunc = function.New(&function.Spec{
	Params: markParam,
	Type:   sameType,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return args[0].Mark(marks.Sensitive), nil
	},
})

// nonsensitiveFunc removes the sensitive mark from a value (not from values nested
// in it). A value that is not sensitive is returned as it is.
var nonsensitiveFunc = function.New(&function.Spec{
	Params: markParam,
	Type:   sameType,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, m := args[0].Unmark()
		delete(m, marks.Sensitive)
		return v.WithMarks(m), nil
	},
})

// isSensitiveFunc reports whether a value is marked sensitive. An unknown value
// that is not may still turn out sensitive, so the answer is then unknown
// (Terraform 1.10+).
var isSensitiveFunc = function.New(&function.Spec{
	Params: markParam,
	Type:   function.StaticReturnType(cty.Bool),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		switch {
		case isSensitive(args[0]):
			return cty.True, nil
		case !args[0].IsKnown():
			return cty.UnknownVal(cty.Bool).RefineNotNull(), nil
		}
		return cty.False, nil
	},
})

func isSensitive(v cty.Value) bool {
	return v.HasMark(marks.Sensitive)
}

// ephemeralAsNullFunc replaces every ephemeral value within its argument by a null
// of the same type; the rest is returned unchanged.
var ephemeralAsNullFunc = function.New(&function.Spec{
	Params: markParam,
	Type:   sameType,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return cty.Transform(args[0], func(_ cty.Path, v cty.Value) (cty.Value, error) {
			if !v.HasMark(marks.Ephemeral) {
				return v, nil
			}
			_, m := v.Unmark()
			delete(m, marks.Ephemeral)
			return cty.NullVal(v.Type()).WithMarks(m), nil
		})
	},
})
