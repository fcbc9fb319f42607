package tree

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

func TestParseJSONPositions(t *testing.T) {
	src := "[\n  {\"name\": \"app\", \"portMappings\": [{\"hostPort\": 8080}]}\n]"
	at := NewVerbatim(src, "main.tf", hcl.Pos{Line: 10, Column: 5, Byte: 100}, 0)
	n, err := ParseJSON(src, at)
	if err != nil {
		t.Fatal(err)
	}
	items, ok := n.Elements()
	if !ok || len(items) != 1 {
		t.Fatalf("want one container, got %#v", n)
	}
	pm := items[0].Get("portMappings").Items[0]
	m := pm.Member("hostPort")
	want := hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 11, Column: 37, Byte: 138}, End: hcl.Pos{Line: 11, Column: 47, Byte: 148}}
	if diff := cmp.Diff(want, m.KeyRange); diff != "" {
		t.Errorf("key range (-want +got):\n%s", diff)
	}
	if got, _ := m.Value.Int(); got != 8080 {
		t.Errorf("hostPort = %d", got)
	}
}

func TestParseJSONErrors(t *testing.T) {
	for _, src := range []string{``, `[`, `{"a" 1}`, `[1,]`, `{"a":1}x`, `"\x"`, `01`, `-`, `1.`, `1e`, "\"a\x01\"", `tru`} {
		if _, err := ParseJSON(src, Fixed{}); err == nil {
			t.Errorf("%q: want a syntax error", src)
		}
	}
}

func TestNodeAccess(t *testing.T) {
	n, err := ParseJSON(`{"a": 1, "a": 2, "b": null, "c": 1.5, "d": 1e2}`, Fixed{})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := n.Get("a").Int(); v != 2 {
		t.Errorf("repeated key: want the last value, got %d", v)
	}
	if n.Has("b") || n.Has("zz") || !n.Has("a") {
		t.Error("Has is wrong")
	}
	if _, ok := n.Get("c").Int(); ok {
		t.Error("1.5 is not an integer")
	}
	if v, ok := n.Get("d").Int(); !ok || v != 100 {
		t.Errorf("1e2 = %d, %v", v, ok)
	}
	u := NewUnknown(hcl.Range{})
	if !u.MayHave("x") || u.Has("x") || u.Get("x").Known() {
		t.Error("an unknown node may have any key, and none is known")
	}
}

// FuzzParseJSON checks the decoder never panics, agrees with encoding/json on what is
// valid JSON, and decodes the same value.
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{
		`[{"name":"web","image":"nginx","portMappings":[{"containerPort":80,"hostPort":80}]}]`,
		`{"a":[1,2.5e3,-0,true,false,null,"\u00e9\ud83d\ude00"]}`,
		`"\ud800"`, `[1,]`, `{"a":}`, "\"\xff\"", `  [ ]  `, `1e400`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		n, err := ParseJSON(src, NewVerbatim(src, "f.json", hcl.InitialPos, 0))
		valid := json.Valid([]byte(src))
		if (err == nil) != valid {
			t.Fatalf("ParseJSON error %v, encoding/json valid %v", err, valid)
		}
		if err != nil {
			return
		}
		dec := json.NewDecoder(bytes.NewReader([]byte(src)))
		dec.UseNumber()
		var want any
		if err := dec.Decode(&want); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(normalise(want), toAny(n)); diff != "" {
			t.Fatalf("decoded value differs (-encoding/json +ours):\n%s", diff)
		}
	})
}

// toAny turns a Node into the shape encoding/json produces, with numbers as written.
func toAny(n *Node) any {
	switch n.Kind {
	case Null:
		return nil
	case Bool:
		return n.Bool
	case Number:
		return n.Text
	case String:
		return n.Text
	case Array:
		out := []any{}
		for _, it := range n.Items {
			out = append(out, toAny(it))
		}
		return out
	case Object:
		out := map[string]any{}
		for _, m := range n.Members {
			out[m.Key] = toAny(m.Value)
		}
		return out
	}
	return "unknown"
}

func normalise(v any) any {
	switch v := v.(type) {
	case json.Number:
		return string(v)
	case []any:
		out := []any{}
		for _, it := range v {
			out = append(out, normalise(it))
		}
		return out
	case map[string]any:
		out := map[string]any{}
		for k, it := range v {
			out[k] = normalise(it)
		}
		return out
	}
	return v
}
