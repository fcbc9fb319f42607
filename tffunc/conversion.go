package tffunc

import (
	"strconv"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
)

// typeFunc exists only in terraform console and tofu console: unknown here.
var typeFunc = unknownFunc(cty.DynamicPseudoType, []function.Parameter{anyParam("value")}, nil)

// makeToFunc makes tostring, tolist and the other explicit conversions. Unlike
// go-cty's MakeToFunc it lets marks through, so each converted element keeps its
// own marks (convert keeps them), and it converts unknowns to the unknown of the
// converted type. Collections unify their elements as Terraform does:
// tolist(["a", 1]) is a list of strings.
func makeToFunc(want cty.Type) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{anyParam("v")},
		Type: func(args []cty.Value) (cty.Type, error) {
			got := args[0].Type()
			if got.Equals(want) || convert.GetConversionUnsafe(got, want) != nil {
				return want, nil
			}
			return cty.NilType, function.NewArgErrorf(0, "cannot convert %s to %s", got.FriendlyName(), want.FriendlyNameForConstraint())
		},
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			v, err := convert.Convert(args[0], want)
			if err == nil {
				if v.Type() == cty.DynamicPseudoType {
					// Unknown input of unknown type: only the wanted type is known.
					return cty.UnknownVal(retType).WithMarks(v.Marks()), nil
				}
				return v, nil
			}
			plain, _ := args[0].Unmark()
			what := plain.Type().FriendlyName()
			if plain.Type() == cty.String && !plain.IsNull() && plain.IsKnown() && !isSensitive(args[0]) {
				what = strconv.Quote(plain.AsString())
			}
			switch {
			case plain.Type() == cty.String && want == cty.Bool:
				return cty.NilVal, function.NewArgErrorf(0, `cannot convert %s to bool; only the strings "true" or "false" are allowed`, what)
			case plain.Type() == cty.String && want == cty.Number:
				return cty.NilVal, function.NewArgErrorf(0, "cannot convert %s to number; given string must be a decimal representation of a number", what)
			}
			return cty.NilVal, function.NewArgErrorf(0, "cannot convert %s to %s", what, want.FriendlyNameForConstraint())
		},
	})
}
