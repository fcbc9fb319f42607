package tffunc

import (
	"bytes"
	"fmt"
	"sync/atomic"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// Encoded marks the string jsonencode returns, and carries the value it encoded with that
// value's own marks, which the string only holds all together.
//
// For a value with unknown parts the string is unknown: the mark lets jsondecode of the
// string (a module that decodes the JSON another module encoded) and a reader of the JSON
// (container definitions) still see the known parts. Terraform's plan knows only that the
// string is not null. Marks travel to every value computed from a marked one
// ("[${jsonencode(x)}]", join, format), which encode something else. So the unknown string
// is also refined to start with a token no JSON text starts with, unique to the call: a
// value that still has that prefix is the encoding itself (passed through a variable, an
// output, one() or nonsensitive()), and only then does EncodedValue answer.
//
// For a wholly known value the string is known, and the mark also holds its text: a
// string built from it ("[${jsonencode(x)}]", join(",", [...])) holds that text where
// the encoded value sits in the document (see Encodings).
type Encoded struct {
	Value cty.Value
	token string
	text  string
}

// Encoding is a JSON text jsonencode made, found in a known string, and the value it
// encoded, with that value's marks.
type Encoding struct {
	Text  string
	Value cty.Value
}

// Encodings returns the texts jsonencode made of wholly known values whose results a
// known string v was computed from (v itself, or a string assembled from them). A text
// found in v may be where the encoded value sits in v; whether it is, the caller decides.
func Encodings(v cty.Value) []Encoding {
	if !v.IsKnown() || !v.IsMarked() {
		return nil
	}
	var out []Encoding
	for m := range v.Marks() {
		if e, ok := m.(*Encoded); ok && e.text != "" {
			out = append(out, Encoding{Text: e.text, Value: e.Value})
		}
	}
	return out
}

// encodings numbers the unknown encodings jsonencode makes, for their tokens.
var encodings atomic.Int64

// EncodedValue returns the value an unknown string from jsonencode encodes, when v is
// that very string.
func EncodedValue(v cty.Value) (cty.Value, bool) {
	if v.IsKnown() {
		return cty.NilVal, false
	}
	plain, marks := v.Unmark()
	if plain.Type() != cty.String {
		return cty.NilVal, false
	}
	prefix := plain.Range().StringPrefix()
	for m := range marks {
		if e, ok := m.(*Encoded); ok && e.token != "" && prefix == e.token {
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
		if !v.IsKnown() {
			return stdlib.JSONEncodeFunc.Call([]cty.Value{v})
		}
		if v.IsWhollyKnown() {
			// As stdlib's jsonencode, without calling it: this is on the hot path.
			plain, marks := v.UnmarkDeep()
			if plain.IsNull() {
				return cty.StringVal("null").WithMarks(marks), nil
			}
			buf, err := ctyjson.Marshal(plain, plain.Type())
			if err != nil {
				return cty.NilVal, err
			}
			text := string(bytes.TrimSpace(buf))
			if len(marks) == 0 {
				return cty.StringVal(text), nil
			}
			return cty.StringVal(text).WithMarks(marks).Mark(&Encoded{Value: v, text: text}), nil
		}
		_, marks := v.UnmarkDeep()
		encoded := cty.UnknownVal(cty.String).Refine().NotNull().
			StringPrefix(fmt.Sprintf("\uE001%d\uE001", encodings.Add(1))).NewValue()
		// cty may keep less than the whole prefix: the token is what it kept.
		token := encoded.Range().StringPrefix()
		return encoded.WithMarks(marks).Mark(&Encoded{Value: v, token: token}), nil
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
		decoded, err := stdlib.JSONDecodeFunc.Call(args)
		if err != nil {
			return decoded, err
		}
		return withPartMarks(decoded, args[0]), nil
	},
})

// withPartMarks gives each part of decoded, the decoding of the known string str, the
// marks of the same part of the value jsonencode made str of, when str is that very
// encoding: the decoded value then says where each part came from, as the encoded one
// did. The marks of str as a whole stay on decoded as a whole.
func withPartMarks(decoded, str cty.Value) cty.Value {
	if !str.IsKnown() || !str.IsMarked() {
		return decoded
	}
	plain, _ := str.Unmark()
	if plain.Type() != cty.String || plain.IsNull() {
		return decoded
	}
	var from cty.Value
	for m := range str.Marks() {
		if e, ok := m.(*Encoded); ok && e.text != "" && e.text == plain.AsString() {
			from = e.Value
			break
		}
	}
	if from == cty.NilVal {
		return decoded
	}
	top, marks := decoded.Unmark()
	out, err := cty.Transform(top, func(p cty.Path, v cty.Value) (cty.Value, error) {
		part, ok := partAt(from, p)
		if !ok || !part.IsMarked() {
			return v, nil
		}
		_, m := part.Unmark()
		return v.WithMarks(m), nil
	})
	if err != nil {
		return decoded
	}
	return out.WithMarks(marks)
}

// partAt returns the part of v at path p of its decoding: an attribute of an object or a
// key of a map for an attribute step, an element of a list or tuple for an index step.
func partAt(v cty.Value, p cty.Path) (cty.Value, bool) {
	for _, step := range p {
		v, _ = v.Unmark()
		if !v.IsKnown() || v.IsNull() {
			return cty.NilVal, false
		}
		ty := v.Type()
		switch s := step.(type) {
		case cty.GetAttrStep:
			switch {
			case ty.IsObjectType() && ty.HasAttribute(s.Name):
				v = v.GetAttr(s.Name)
			case ty.IsMapType() && v.HasIndex(cty.StringVal(s.Name)).True():
				v = v.Index(cty.StringVal(s.Name))
			default:
				return cty.NilVal, false
			}
		case cty.IndexStep:
			if !(ty.IsListType() || ty.IsTupleType()) || s.Key.Type() != cty.Number || !v.HasIndex(s.Key).True() {
				return cty.NilVal, false
			}
			v = v.Index(s.Key)
		default:
			return cty.NilVal, false
		}
	}
	return v, true
}
