package tffunc

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
)

func TestEncodedValue(t *testing.T) {
	partly := cty.TupleVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{
		"name":  cty.StringVal("app"),
		"image": cty.UnknownVal(cty.String),
	})})
	encoded, err := jsonEncodeFunc.Call([]cty.Value{partly})
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := EncodedValue(encoded); !ok || !got.RawEquals(partly) {
		t.Errorf("the encoding itself: got %#v, %v", got, ok)
	}
	decoded, err := jsonDecodeFunc.Call([]cty.Value{encoded})
	if err != nil || !decoded.RawEquals(partly) {
		t.Errorf("jsondecode(jsonencode(x)) with unknown parts: got %#v, %v", decoded, err)
	}
	// A string computed from the encoding encodes something else.
	wrapped, err := Functions(Options{})["format"].Call([]cty.Value{cty.StringVal("[%s]"), encoded})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := EncodedValue(wrapped); ok {
		t.Errorf("format(\"[%%s]\", encoding) was taken for the encoding")
	}
	joined, err := Functions(Options{})["join"].Call([]cty.Value{cty.StringVal(","), cty.ListVal([]cty.Value{encoded})})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := EncodedValue(joined); ok {
		t.Errorf("join(\",\", [encoding]) was taken for the encoding")
	}
	if v, err := jsonDecodeFunc.Call([]cty.Value{wrapped}); err != nil || v.IsKnown() {
		t.Errorf("jsondecode of a string computed from an encoding: got %#v, %v", v, err)
	}
}

func TestEncodedValueOfOtherTypes(t *testing.T) {
	for _, v := range []cty.Value{cty.UnknownVal(cty.Number), cty.DynamicVal, cty.UnknownVal(cty.List(cty.String)).Mark(&Encoded{})} {
		if _, ok := EncodedValue(v); ok {
			t.Errorf("%#v taken for an encoding", v)
		}
	}
}
