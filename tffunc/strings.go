package tffunc

import (
	"regexp"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// startsWithFunc reports whether str begins with prefix. An unknown string whose
// known prefix (a go-cty refinement) already decides the answer gives a known
// result, as in Terraform.
var startsWithFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "str", Type: cty.String, AllowUnknown: true},
		{Name: "prefix", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.Bool),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		prefix := args[1].AsString()
		if args[0].IsKnown() {
			return cty.BoolVal(strings.HasPrefix(args[0].AsString(), prefix)), nil
		}
		if prefix == "" {
			return cty.True, nil
		}
		if known := args[0].Range().StringPrefix(); known != "" {
			if strings.HasPrefix(known, prefix) {
				return cty.True, nil
			}
			if !strings.HasPrefix(prefix, known) {
				return cty.False, nil // they differ within the known prefix
			}
		}
		return cty.UnknownVal(cty.Bool), nil
	},
})

// endsWithFunc reports whether str ends with suffix.
var endsWithFunc = stringPredicate("suffix", strings.HasSuffix)

// strContainsFunc reports whether str contains substr.
var strContainsFunc = stringPredicate("substr", strings.Contains)

func stringPredicate(second string, pred func(s, t string) bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "str", Type: cty.String},
			{Name: second, Type: cty.String},
		},
		Type:         function.StaticReturnType(cty.Bool),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.BoolVal(pred(args[0].AsString(), args[1].AsString())), nil
		},
	})
}

// replaceFunc replaces every occurrence of substr in str; a substr written between
// slashes is a regular expression, and replace may then refer to its groups ($1).
var replaceFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "str", Type: cty.String},
		{Name: "substr", Type: cty.String},
		{Name: "replace", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		str, substr, repl := args[0].AsString(), args[1].AsString(), args[2].AsString()
		if len(substr) > 1 && substr[0] == '/' && substr[len(substr)-1] == '/' {
			re, err := regexp.Compile(substr[1 : len(substr)-1])
			if err != nil {
				return cty.NilVal, function.NewArgError(1, err)
			}
			return cty.StringVal(re.ReplaceAllString(str, repl)), nil
		}
		return cty.StringVal(strings.ReplaceAll(str, substr, repl)), nil
	},
})
