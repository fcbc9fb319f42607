package tffunc

import (
	"errors"
	"math"
	"math/big"
	"regexp"
	"slices"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// Some go-cty functions panic on arguments they do not check (go-cty turns the
// panic into an error, as Terraform reports it), and a few turn a short argument
// into gigabytes of padding, which would stop the caller. The guarded versions
// reject those arguments with a plain error first and otherwise are the go-cty
// function.
var (
	indentFunc = guard(stdlib.IndentFunc, func(args []cty.Value) error {
		n, s := args[0], args[1]
		if !n.IsKnown() || n.IsNull() {
			return nil
		}
		if n.LessThan(cty.Zero).True() {
			return function.NewArgErrorf(0, "must not be negative")
		}
		if s.IsKnown() && !s.IsNull() {
			lines := int64(max(strings.Count(s.AsString(), "\n"), 1)) // go-cty makes the padding once even without newlines
			if spaces, acc := n.AsBigFloat().Int64(); acc == big.Exact && spaces > maxPadding/lines {
				return function.NewArgErrorf(0, "too many spaces: the result would be too large")
			}
		}
		return nil
	})
	formatFunc     = guard(stdlib.FormatFunc, checkFormatWidths)
	formatListFunc = guard(stdlib.FormatListFunc, checkFormatWidths)
	logFunc        = guard(stdlib.LogFunc, func(args []cty.Value) error {
		if !args[0].IsKnown() || !args[1].IsKnown() || args[0].IsNull() || args[1].IsNull() {
			return nil
		}
		num, _ := args[0].AsBigFloat().Float64()
		base, _ := args[1].AsBigFloat().Float64()
		if math.IsNaN(math.Log(num) / math.Log(base)) {
			return errors.New("the logarithm is not a number for this number and base")
		}
		return nil
	})
	setProductFunc = guard(stdlib.SetProductFunc, func(args []cty.Value) error {
		for i, arg := range args {
			if !arg.Type().IsTupleType() {
				continue
			}
			// Elements that unify only to "any type" would make tuples of
			// different types in one collection.
			etys := arg.Type().TupleElementTypes()
			if ety, _ := convert.UnifyUnsafe(etys); ety == cty.DynamicPseudoType && slices.ContainsFunc(etys, func(t cty.Type) bool { return !t.Equals(etys[0]) }) {
				return function.NewArgErrorf(i, "all elements must be of the same type")
			}
		}
		return nil
	})
	mergeFunc = guard(stdlib.MergeFunc, func(args []cty.Value) error {
		for i, arg := range args {
			if ty := arg.Type(); ty != cty.DynamicPseudoType && !ty.IsMapType() && !ty.IsObjectType() {
				return function.NewArgErrorf(i, "arguments must be maps or objects, got %s", ty.FriendlyName())
			}
		}
		return nil
	})
)

// maxPadding bounds the padding indent may add (a mebibyte).
const maxPadding = 1 << 20

// formatVerb matches "%%" or a verb's flags, width and precision.
var formatVerb = regexp.MustCompile(`%%|%[-+# 0]*(?:\[\d+\])?(\d*)(?:\.(\d*))?`)

// checkFormatWidths rejects widths and precisions of a million or more.
func checkFormatWidths(args []cty.Value) error {
	if f := args[0]; f.IsKnown() && !f.IsNull() {
		for _, m := range formatVerb.FindAllStringSubmatch(f.AsString(), -1) {
			if len(m[1]) > 6 || len(m[2]) > 6 {
				return function.NewArgErrorf(0, "width or precision %s%s is too large", m[1], m[2])
			}
		}
	}
	return nil
}

// guard is f with check run on the arguments before f's own type check.
func guard(f function.Function, check func(args []cty.Value) error) function.Function {
	return function.New(&function.Spec{
		Description: f.Description(),
		Params:      f.Params(),
		VarParam:    f.VarParam(),
		Type: func(args []cty.Value) (cty.Type, error) {
			if err := check(args); err != nil {
				return cty.NilType, err
			}
			return f.ReturnTypeForValues(args)
		},
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return f.Call(args)
		},
	})
}
