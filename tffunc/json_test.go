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

// TestEncodings checks that jsonencode of a wholly known value carries the marks of its
// parts together and the value itself, found again in a string built from the text.
func TestEncodings(t *testing.T) {
	x := cty.StringVal("x").Mark("m1")
	y := cty.True.Mark("m2")
	value := cty.ObjectVal(map[string]cty.Value{"a": x, "b": y})
	encoded, err := jsonEncodeFunc.Call([]cty.Value{value})
	if err != nil {
		t.Fatal(err)
	}
	plain, marks := encoded.Unmark()
	if !plain.RawEquals(cty.StringVal(`{"a":"x","b":true}`)) || !encoded.HasMark("m1") || !encoded.HasMark("m2") {
		t.Errorf("jsonencode = %#v, want the text with marks m1 and m2", encoded)
	}
	if _, ok := EncodedValue(encoded); ok {
		t.Errorf("a known encoding was taken for an unknown one")
	}
	wrapped, err := Functions(Options{})["format"].Call([]cty.Value{cty.StringVal("[%s]"), encoded})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []cty.Value{encoded, wrapped} {
		got := Encodings(v)
		if len(got) != 1 || got[0].Text != `{"a":"x","b":true}` || !got[0].Value.RawEquals(value) {
			t.Errorf("Encodings(%#v) = %#v", v, got)
		}
	}
	if len(marks) != 3 {
		t.Errorf("marks %#v, want m1, m2 and the encoding", marks)
	}
	// A value without marks has nothing to place: its encoding is a plain string.
	if v, err := jsonEncodeFunc.Call([]cty.Value{cty.ObjectVal(map[string]cty.Value{"a": cty.True})}); err != nil || v.IsMarked() {
		t.Errorf("jsonencode of an unmarked value = %#v, %v", v, err)
	}
	// An unknown text computed with the known encoding (replace(var.text, "x",
	// jsonencode(...))) is not the encoding, though neither has a prefix.
	unknownText, err := Functions(Options{})["replace"].Call([]cty.Value{cty.UnknownVal(cty.String), cty.StringVal("x"), encoded})
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := EncodedValue(unknownText); ok {
		t.Errorf("an unknown text computed with a known encoding was taken for it: %#v", v)
	}
	if got := Encodings(cty.UnknownVal(cty.String).Mark(&Encoded{text: "x"})); got != nil {
		t.Errorf("Encodings of an unknown string = %#v", got)
	}
}

// TestDecodeKeepsPartMarks checks that jsondecode of a known encoding gives each part the
// marks it had when encoded, and keeps the marks of the text on the whole.
func TestDecodeKeepsPartMarks(t *testing.T) {
	value := cty.ObjectVal(map[string]cty.Value{
		"a":    cty.StringVal("x").Mark("m1"),
		"list": cty.ListVal([]cty.Value{cty.True.Mark("m2")}),
		"map":  cty.MapVal(map[string]cty.Value{"k": cty.NumberIntVal(1).Mark("m3")}),
		"set":  cty.SetVal([]cty.Value{cty.StringVal("s")}).Mark("m4"),
	})
	encoded, err := jsonEncodeFunc.Call([]cty.Value{value})
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := jsonDecodeFunc.Call([]cty.Value{encoded})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"m1", "m2", "m3", "m4"} {
		if !decoded.HasMark(m) {
			t.Errorf("the decoded value lost %s of the text", m)
		}
	}
	plain, _ := decoded.Unmark()
	parts := map[string]cty.Value{
		"m1": plain.GetAttr("a"),
		"m2": plain.GetAttr("list").Index(cty.NumberIntVal(0)),
		"m3": plain.GetAttr("map").GetAttr("k"),
		"m4": plain.GetAttr("set"),
	}
	for m, part := range parts {
		if !part.HasMark(m) {
			t.Errorf("part %#v lacks its mark %s", part, m)
		}
	}
	if set, _ := plain.GetAttr("set").Unmark(); set.Index(cty.NumberIntVal(0)).IsMarked() {
		t.Errorf("an element of a set was marked on its own")
	}
	// A text built from the encoding decodes as any other.
	wrapped, err := Functions(Options{})["format"].Call([]cty.Value{cty.StringVal("[%s]"), encoded})
	if err != nil {
		t.Fatal(err)
	}
	list, err := jsonDecodeFunc.Call([]cty.Value{wrapped})
	if err != nil {
		t.Fatal(err)
	}
	if plain, _ := list.Unmark(); plain.ContainsMarked() {
		t.Errorf("jsondecode of a text built from an encoding marked its parts: %#v", list)
	}
}

func TestEncodedValueOfOtherTypes(t *testing.T) {
	for _, v := range []cty.Value{cty.UnknownVal(cty.Number), cty.DynamicVal, cty.UnknownVal(cty.List(cty.String)).Mark(&Encoded{})} {
		if _, ok := EncodedValue(v); ok {
			t.Errorf("%#v taken for an encoding", v)
		}
	}
}
