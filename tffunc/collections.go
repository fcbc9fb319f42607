package tffunc

import (
	"errors"
	"fmt"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// lengthFunc counts a string's characters (grapheme clusters) or a collection's or
// structure's elements. Tuples and objects have a known length even when unknown.
var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name:             "value",
		Type:             cty.DynamicPseudoType,
		AllowDynamicType: true,
		AllowUnknown:     true,
		AllowMarked:      true,
	}},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		if ty == cty.String || ty == cty.DynamicPseudoType || ty.IsCollectionType() || ty.IsTupleType() || ty.IsObjectType() {
			return cty.Number, nil
		}
		return cty.NilType, function.NewArgErrorf(0, "argument must be a string, a collection type, or a structural type")
	},
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, marks := args[0].Unmark()
		ty := v.Type()
		switch {
		case ty == cty.DynamicPseudoType:
			return cty.UnknownVal(cty.Number).WithMarks(marks), nil
		case ty.IsTupleType():
			return cty.NumberIntVal(int64(ty.Length())).WithMarks(marks), nil
		case ty.IsObjectType():
			return cty.NumberIntVal(int64(len(ty.AttributeTypes()))).WithMarks(marks), nil
		case ty == cty.String:
			n, err := stdlib.Strlen(v)
			return n.WithMarks(marks), err
		default:
			return v.Length().WithMarks(marks), nil
		}
	},
})

// lookupFunc is Terraform's lookup: unlike go-cty's, the default is optional (a
// missing key without one is an error) and may be null.
var lookupFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "inputMap", Type: cty.DynamicPseudoType, AllowMarked: true},
		{Name: "key", Type: cty.String, AllowMarked: true},
	},
	VarParam: &function.Parameter{
		Name:             "default",
		Type:             cty.DynamicPseudoType,
		AllowUnknown:     true,
		AllowDynamicType: true,
		AllowNull:        true,
		AllowMarked:      true,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		if len(args) > 3 {
			return cty.NilType, errors.New("lookup() takes no more than three arguments")
		}
		ty := args[0].Type()
		switch {
		case ty.IsObjectType():
			if !args[1].IsKnown() {
				return cty.DynamicPseudoType, nil
			}
			key, _ := args[1].Unmark()
			if name := key.AsString(); ty.HasAttribute(name) {
				return ty.AttributeType(name), nil
			}
			if len(args) == 3 {
				return args[2].Type(), nil
			}
			return cty.NilType, function.NewArgErrorf(0, "the given object has no attribute %s", quoteKey(args[1]))
		case ty.IsMapType():
			if len(args) == 3 {
				if _, err := convert.Convert(args[2], ty.ElementType()); err != nil {
					return cty.NilType, function.NewArgErrorf(2, "the default value must have the same type as the map elements")
				}
			}
			return ty.ElementType(), nil
		default:
			return cty.NilType, function.NewArgErrorf(0, "lookup() requires a map as the first argument")
		}
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		coll, collMarks := args[0].Unmark()
		key, keyMarks := args[1].Unmark()
		name := key.AsString()
		if coll.Type().IsObjectType() {
			if coll.Type().HasAttribute(name) {
				return coll.GetAttr(name).WithMarks(collMarks, keyMarks), nil
			}
		} else if k := cty.StringVal(name); coll.HasIndex(k).True() {
			return coll.Index(k).WithMarks(collMarks, keyMarks), nil
		}
		if len(args) < 3 {
			return cty.NilVal, fmt.Errorf("lookup failed to find key %s", quoteKey(args[1]))
		}
		def, err := convert.Convert(args[2], retType)
		if err != nil {
			return cty.NilVal, function.NewArgError(2, err)
		}
		return def.WithMarks(collMarks, keyMarks), nil
	},
})

// coalesceFunc returns the first argument that is neither null nor, when the
// arguments unify to string, the empty string (Terraform's rule; go-cty keeps "").
// The chosen argument keeps its own marks.
var coalesceFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{
		Name:             "vals",
		Type:             cty.DynamicPseudoType,
		AllowUnknown:     true,
		AllowDynamicType: true,
		AllowNull:        true,
		AllowMarked:      true,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		types := make([]cty.Type, len(args))
		for i, arg := range args {
			types[i] = arg.Type()
		}
		ty, _ := convert.UnifyUnsafe(types)
		if ty == cty.NilType {
			return cty.NilType, errors.New("all arguments must have the same type")
		}
		return ty, nil
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		for i, arg := range args {
			v, err := convert.Convert(arg, retType)
			if err != nil {
				return cty.NilVal, function.NewArgError(i, err)
			}
			plain, _ := v.Unmark()
			switch {
			case !plain.IsKnown():
				return cty.UnknownVal(retType).WithMarks(deepMarks(args[i:])...), nil
			case plain.IsNull():
				continue
			case retType == cty.String && plain.AsString() == "":
				continue
			}
			return v, nil
		}
		return cty.NilVal, errors.New("no non-null, non-empty-string arguments")
	},
})

// coalesceListFunc returns the first non-empty list or tuple argument, with its
// own marks.
var coalesceListFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{
		Name:             "vals",
		Type:             cty.DynamicPseudoType,
		AllowUnknown:     true,
		AllowDynamicType: true,
		AllowNull:        true,
		AllowMarked:      true,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		if len(args) == 0 {
			return cty.NilType, errors.New("at least one argument is required")
		}
		ret := args[0].Type()
		for _, arg := range args {
			ty := arg.Type()
			if ty == cty.DynamicPseudoType {
				ret = cty.DynamicPseudoType
				continue
			}
			if !ty.IsListType() && !ty.IsTupleType() {
				return cty.NilType, errors.New("coalescelist arguments must be lists or tuples")
			}
			if !ty.Equals(ret) {
				ret = cty.DynamicPseudoType
			}
		}
		return ret, nil
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		for i, arg := range args {
			plain, _ := arg.Unmark()
			switch {
			case !plain.IsKnown():
				return cty.UnknownVal(retType).WithMarks(deepMarks(args[i:])...), nil
			case plain.IsNull():
				continue
			case plain.LengthInt() > 0:
				return arg, nil
			}
		}
		return cty.NilVal, errors.New("no non-null arguments")
	},
})

// compactFunc drops null and empty strings from a list of strings; the elements
// it keeps keep their marks.
var compactFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "list", Type: cty.List(cty.String), AllowMarked: true}},
	Type:         function.StaticReturnType(cty.List(cty.String)),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		list, marks := args[0].Unmark()
		var out []cty.Value
		for it := list.ElementIterator(); it.Next(); {
			_, v := it.Element()
			plain, _ := v.Unmark()
			switch {
			case !plain.IsKnown():
				return cty.UnknownVal(retType).WithMarks(deepMarks(args)...), nil
			case plain.IsNull() || plain.AsString() == "":
				continue
			}
			out = append(out, v)
		}
		if len(out) == 0 {
			return cty.ListValEmpty(cty.String).WithMarks(marks), nil
		}
		return cty.ListVal(out).WithMarks(marks), nil
	},
})

// distinctFunc drops later duplicates from a list. The kept element keeps its marks
// and takes on those of the duplicates it stands for.
var distinctFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.List(cty.DynamicPseudoType), AllowMarked: true}},
	Type: func(args []cty.Value) (cty.Type, error) {
		return args[0].Type(), nil
	},
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		list, marks := args[0].Unmark()
		if !list.IsWhollyKnown() {
			return cty.UnknownVal(retType).WithMarks(deepMarks(args)...), nil
		}
		var out, plains []cty.Value
	elements:
		for it := list.ElementIterator(); it.Next(); {
			_, v := it.Element()
			plain, vMarks := v.UnmarkDeep()
			for i, seen := range plains {
				if seen.Equals(plain).True() {
					out[i] = out[i].WithMarks(vMarks)
					continue elements
				}
			}
			out = append(out, v)
			plains = append(plains, plain)
		}
		if len(out) == 0 {
			return cty.ListValEmpty(retType.ElementType()).WithMarks(marks), nil
		}
		return cty.ListVal(out).WithMarks(marks), nil
	},
})

// oneFunc returns the only element of a list, set or tuple, or null if it is empty.
var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType, AllowMarked: true}},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		switch {
		case ty.IsListType() || ty.IsSetType():
			return ty.ElementType(), nil
		case ty.IsTupleType():
			switch etys := ty.TupleElementTypes(); len(etys) {
			case 0:
				return cty.DynamicPseudoType, nil
			case 1:
				return etys[0], nil
			}
		}
		return cty.NilType, errOneElement
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		coll, marks := args[0].Unmark()
		n := coll.Length()
		if !n.IsKnown() {
			return cty.UnknownVal(retType).WithMarks(marks), nil
		}
		switch coll.LengthInt() {
		case 0:
			return cty.NullVal(retType).WithMarks(marks), nil
		case 1:
			it := coll.ElementIterator()
			it.Next()
			_, v := it.Element()
			return v.WithMarks(marks), nil
		}
		return cty.NilVal, errOneElement
	},
})

var errOneElement = function.NewArgErrorf(0, "must be a list, set, or tuple value with either zero or one elements")

// indexFunc is Terraform's index: the position of a value in a list or tuple
// (go-cty's IndexFunc is element access, not search).
var indexFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "list", Type: cty.DynamicPseudoType},
		{Name: "value", Type: cty.DynamicPseudoType},
	},
	Type:         function.StaticReturnType(cty.Number),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		list := args[0]
		if ty := list.Type(); !ty.IsListType() && !ty.IsTupleType() {
			return cty.NilVal, function.NewArgErrorf(0, "argument must be a list or tuple")
		}
		if list.LengthInt() == 0 {
			return cty.NilVal, function.NewArgErrorf(0, "cannot search an empty list")
		}
		for it := list.ElementIterator(); it.Next(); {
			i, v := it.Element()
			eq := v.Equals(args[1])
			if !eq.IsKnown() {
				return cty.UnknownVal(cty.Number), nil
			}
			if eq.True() {
				return i, nil
			}
		}
		return cty.NilVal, errors.New("item not found")
	},
})

// matchKeysFunc keeps the elements of values whose corresponding element of keys is
// in searchset.
var matchKeysFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "values", Type: cty.List(cty.DynamicPseudoType), AllowMarked: true},
		{Name: "keys", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "searchset", Type: cty.List(cty.DynamicPseudoType)},
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		if ty, _ := convert.UnifyUnsafe([]cty.Type{args[1].Type(), args[2].Type()}); ty == cty.NilType {
			return cty.NilType, function.NewArgErrorf(1, "keys and searchset must be of the same type")
		}
		return args[0].Type(), nil
	},
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		values, marks := args[0].Unmark()
		if values.LengthInt() != args[1].LengthInt() {
			return cty.NilVal, errors.New("length of keys and values should be equal")
		}
		ty, _ := convert.UnifyUnsafe([]cty.Type{args[1].Type(), args[2].Type()})
		keys, err := convert.Convert(args[1], ty)
		if err != nil {
			return cty.NilVal, function.NewArgError(1, err)
		}
		search, err := convert.Convert(args[2], ty)
		if err != nil {
			return cty.NilVal, function.NewArgError(2, err)
		}
		var out []cty.Value
		for it := keys.ElementIterator(); it.Next(); {
			i, key := it.Element()
			for st := search.ElementIterator(); st.Next(); {
				_, s := st.Element()
				eq := key.Equals(s)
				if !eq.IsKnown() {
					return cty.UnknownVal(retType).WithMarks(deepMarks(args[:1])...), nil
				}
				if eq.True() {
					out = append(out, values.Index(i))
					break
				}
			}
		}
		if len(out) == 0 {
			return cty.ListValEmpty(retType.ElementType()).WithMarks(marks), nil
		}
		return cty.ListVal(out).WithMarks(marks), nil
	},
})

// transposeFunc swaps the keys and values of a map of lists of strings.
var transposeFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "values", Type: cty.Map(cty.List(cty.String))}},
	Type:         function.StaticReturnType(cty.Map(cty.List(cty.String))),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		in := args[0]
		if !in.IsWhollyKnown() {
			return cty.UnknownVal(retType), nil
		}
		out := map[string][]cty.Value{}
		for it := in.ElementIterator(); it.Next(); {
			k, list := it.Element()
			if list.IsNull() {
				return cty.NilVal, errors.New("input must be a map of lists of strings")
			}
			for lt := list.ElementIterator(); lt.Next(); {
				_, s := lt.Element()
				if s.IsNull() {
					return cty.NilVal, errors.New("input must be a map of lists of strings")
				}
				out[s.AsString()] = append(out[s.AsString()], k)
			}
		}
		if len(out) == 0 {
			return cty.MapValEmpty(cty.List(cty.String)), nil
		}
		m := make(map[string]cty.Value, len(out))
		for k, vs := range out {
			m[k] = cty.ListVal(vs)
		}
		return cty.MapVal(m), nil
	},
})

// allTrueFunc: true if every element is true; a known false (or null) decides the
// result even next to unknown elements.
var allTrueFunc = boolListFunc(false)

// anyTrueFunc: true if any element is true (null counts as false); a known true decides
// the result even next to unknown elements.
var anyTrueFunc = boolListFunc(true)

// boolListFunc returns alltrue (decisive false) or anytrue (decisive true): the first
// element whose value is decisive gives the result; otherwise the result is the other
// value, or unknown when an element is not known.
func boolListFunc(decisive bool) function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
		Type:         function.StaticReturnType(cty.Bool),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			unknown := false
			for it := args[0].ElementIterator(); it.Next(); {
				_, v := it.Element()
				switch {
				case !v.IsKnown():
					unknown = true
				case (!v.IsNull() && v.True()) == decisive:
					return cty.BoolVal(decisive), nil
				}
			}
			if unknown {
				return cty.UnknownVal(cty.Bool), nil
			}
			return cty.BoolVal(!decisive), nil
		},
	})
}

// sumFunc adds the elements of a list, set or tuple, converting each to a number.
var sumFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type:         function.StaticReturnType(cty.Number),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		list := args[0]
		if ty := list.Type(); !ty.IsListType() && !ty.IsSetType() && !ty.IsTupleType() {
			return cty.NilVal, function.NewArgErrorf(0, "argument must be list, set, or tuple. Received %s", ty.FriendlyName())
		}
		if !list.IsWhollyKnown() {
			return cty.UnknownVal(cty.Number), nil
		}
		if list.LengthInt() == 0 {
			return cty.NilVal, function.NewArgErrorf(0, "cannot sum an empty list")
		}
		sum := cty.Zero
		var posInf, negInf bool
		for it := list.ElementIterator(); it.Next(); {
			_, v := it.Element()
			n, err := convert.Convert(v, cty.Number)
			if err != nil || n.IsNull() {
				return cty.NilVal, function.NewArgErrorf(0, "argument must be list, set, or tuple of number values")
			}
			if f := n.AsBigFloat(); f.IsInf() {
				posInf = posInf || !f.Signbit()
				negInf = negInf || f.Signbit()
			}
			if posInf && negInf {
				return cty.NilVal, errors.New("can't compute sum of opposing infinities")
			}
			sum = sum.Add(n)
		}
		return sum, nil
	},
})

// removedFunc is list or map: Terraform's index still documents them, and calling
// them is an error since Terraform 0.12.
func removedFunc(name, instead string) function.Function {
	return function.New(&function.Spec{
		VarParam: &function.Parameter{
			Name:             "vals",
			Type:             cty.DynamicPseudoType,
			AllowUnknown:     true,
			AllowDynamicType: true,
			AllowNull:        true,
			AllowMarked:      true,
		},
		Type: func([]cty.Value) (cty.Type, error) {
			return cty.NilType, fmt.Errorf("the %q function was deprecated in Terraform v0.12 and is no longer available; use %s syntax instead", name, instead)
		},
		Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
			return cty.NilVal, fmt.Errorf("the %q function is no longer available", name)
		},
	})
}

// deepMarks returns every mark on and inside vals, for an unknown result that may
// stand for any of them.
func deepMarks(vals []cty.Value) []cty.ValueMarks {
	marks := make([]cty.ValueMarks, 0, len(vals))
	for _, v := range vals {
		_, m := v.UnmarkDeep()
		marks = append(marks, m)
	}
	return marks
}

// quoteKey quotes a key for an error message, unless it is sensitive.
func quoteKey(key cty.Value) string {
	if isSensitive(key) {
		return "(sensitive value)"
	}
	k, _ := key.Unmark()
	return fmt.Sprintf("%q", k.AsString())
}
