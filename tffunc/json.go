package tffunc

import (
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// Encoded marks the unknown string jsonencode returns for a value with unknown parts: it
// carries that value, so that jsondecode of the string (a module that decodes the JSON
// another module encoded) and a reader of the JSON (container definitions) still see the
// known parts. Terraform's plan knows only that the string is not null.
type Encoded struct {
	Value cty.Value
}

// EncodedValue returns the value an unknown string from jsonencode encodes.
func EncodedValue(v cty.Value) (cty.Value, bool) {
	if v.IsKnown() {
		return cty.NilVal, false
	}
	for m := range v.Marks() {
		if e, ok := m.(*Encoded); ok {
			return e.Value, true
		}
	}
	return cty.NilVal, false
}

// jsonEncodeFunc is jsonencode, which remembers what it encoded when part of it is
// unknown.
var jsonEncodeFunc = function.New(&function.Spec{
	Description: stdlib.JSONEncodeFunc.Description(),
	Params: []function.Parameter{{
		Name: "val", Type: cty.DynamicPseudoType,
		AllowUnknown: true, AllowDynamicType: true, AllowNull: true, AllowMarked: true,
	}},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: func(b *cty.RefinementBuilder) *cty.RefinementBuilder { return b.NotNull() },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		if v.IsWhollyKnown() || !v.IsKnown() {
			return stdlib.JSONEncodeFunc.Call([]cty.Value{v})
		}
		_, marks := v.UnmarkDeep()
		return cty.UnknownVal(cty.String).RefineNotNull().WithMarks(marks).Mark(&Encoded{Value: v}), nil
	},
})

// jsonDecodeFunc is jsondecode, which decodes the unknown string jsonencode made of a
// value with unknown parts back into that value.
var jsonDecodeFunc = function.New(&function.Spec{
	Description: stdlib.JSONDecodeFunc.Description(),
	Params: []function.Parameter{{
		Name: "str", Type: cty.String, AllowUnknown: true, AllowMarked: true,
	}},
	Type: func(args []cty.Value) (cty.Type, error) {
		if v, ok := EncodedValue(args[0]); ok {
			return v.Type(), nil
		}
		return stdlib.JSONDecodeFunc.ReturnTypeForValues(args)
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if v, ok := EncodedValue(args[0]); ok {
			return v, nil
		}
		return stdlib.JSONDecodeFunc.Call(args)
	},
})
