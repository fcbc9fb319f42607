package tffunc

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/terraform/lang/marks"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// readsFiles are the functions that touch the file system; the fuzzer keeps them
// inside its temporary BaseDir.
var readsFiles = map[string]bool{
	"file": true, "filebase64": true, "filebase64sha256": true, "filebase64sha512": true,
	"fileexists": true, "filemd5": true, "fileset": true, "filesha1": true,
	"filesha256": true, "filesha512": true, "templatefile": true,
}

// FuzzFunctions calls every function with arbitrary arguments (a JSON value, or the
// input as a string) in several shapes (known, unknown, marked, null, untyped) and
// counts, and only checks that nothing panics: functions receive arbitrary user
// input, so a panic is a bug.
func FuzzFunctions(f *testing.F) {
	base := f.TempDir()
	writeTree(f, base, map[string]string{"a.txt": "a", "t.tftpl": "${x}"})
	fns := Functions(Options{BaseDir: base})
	names := slices.Sorted(maps.Keys(fns))
	seeds := []string{
		`"10.0.0.0/8"`, `"fd00::/56"`, `"a.txt"`, `"t.tftpl"`, `"*"`, `"%s %d %#v"`,
		`"2017-11-22T00:00:00Z"`, `"SGVsbG8="`, `"/a+/"`, `"hello: [1, 2]"`,
		`[1, "a", null, true]`, `[[1], [2, [3]]]`, `{"a": 1, "b": [true]}`, `{"x": "y"}`,
		`[]`, `{}`, `null`, `-1`, `0`, `1.5`, `1e300`, `true`, ``, `not json`,
	}
	for i := range names {
		for _, s := range seeds {
			f.Add(uint16(i), s)
		}
	}
	f.Fuzz(func(t *testing.T, idx uint16, arg string) {
		if len(arg) > 128 {
			return // large products (setproduct) or paddings (format) only cost time
		}
		name := names[int(idx)%len(names)]
		if readsFiles[name] && (strings.Contains(arg, "/") || strings.HasPrefix(arg, "~")) {
			return // stay inside BaseDir
		}
		arg = strings.ToValidUTF8(arg, "\uFFFD") // HCL strings are valid UTF-8
		v := cty.StringVal(arg)
		if ty, err := ctyjson.ImpliedType([]byte(arg)); err == nil {
			if jv, err := ctyjson.Unmarshal([]byte(arg), ty); err == nil {
				v = jv
			}
		}
		if hugeNumber(v) {
			return // printing 1e444444300 as a string takes go-cty minutes, in any function
		}
		shapes := []cty.Value{
			v,
			cty.StringVal(arg),
			cty.UnknownVal(v.Type()),
			cty.NullVal(v.Type()),
			v.Mark(marks.Sensitive),
			cty.DynamicVal,
		}
		vars := map[string]cty.Value{"s": cty.StringVal(arg)}
		for i, shape := range shapes {
			vars["v"] = shape
			for _, call := range []string{"()", "(v)", "(v, v)", "(v, s)", "(s, v)", "(v, v, v)", "([v])", "({k = v})"} {
				_, diags := evalWith(t, fns, name+call, vars)
				if diags.HasErrors() && strings.Contains(diags.Error(), "panic in function implementation") {
					t.Fatalf("%s%s with v = shape %d of %q panicked: %s", name, call, i, arg, diags.Error())
				}
			}
		}
	})
}

// hugeNumber reports whether v holds a number too large or small to print quickly.
func hugeNumber(v cty.Value) bool {
	huge := false
	_ = cty.Walk(v, func(_ cty.Path, v cty.Value) (bool, error) {
		if v.Type() == cty.Number && v.IsKnown() && !v.IsNull() {
			if exp := v.AsBigFloat().MantExp(nil); exp > 1<<12 || exp < -(1<<12) {
				huge = true
			}
		}
		return !huge, nil
	})
	return huge
}
