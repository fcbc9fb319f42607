package tree

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
)

func TestParseJSONWithHoles(t *testing.T) {
	const h = "\uE000"
	at := Fixed(hcl.Range{Filename: "main.tf"})
	cases := []struct {
		name, src string
		check     func(*Node) bool
	}{
		{"a hole as a value is unknown", `{"port": ` + h + `, "links": ["db"]}`, func(n *Node) bool {
			return n.Get("port").Kind == Unknown && n.Get("links").Kind == Array
		}},
		{"a string with a hole is unknown", `{"image": "repo:` + h + `", "privileged": true}`, func(n *Node) bool {
			return n.Get("image").Kind == Unknown && n.Get("privileged").Bool
		}},
		{"a key with a hole makes the object unknown", `[{"` + h + `": 1, "name": "a"}]`, func(n *Node) bool {
			return n.Items[0].Kind == Unknown
		}},
		{"adjacent holes are one value", `[` + h + h + `, 2]`, func(n *Node) bool {
			return len(n.Items) == 2 && n.Items[0].Kind == Unknown
		}},
	}
	for _, c := range cases {
		n, err := ParseJSONWithHoles(c.src, at, h)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !c.check(n) {
			t.Errorf("%s: unexpected tree", c.name)
		}
	}
	if _, err := ParseJSONWithHoles(`{"a": `+h+` "b": 1}`, at, h); err == nil {
		t.Errorf("a hole does not stand for a missing comma")
	}
	if _, err := ParseJSON(`{"a": `+h+`}`, at); err == nil {
		t.Errorf("without holes, the hole character is no value")
	}
}
