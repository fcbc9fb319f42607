package standalone

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// rangeOf returns the range of the first occurrence of text in src.
func rangeOf(t *testing.T, src, text string) hcl.Range {
	t.Helper()
	i := strings.Index(src, text)
	if i < 0 {
		t.Fatalf("%q not in the source", text)
	}
	pos := func(b int) hcl.Pos {
		line := strings.Count(src[:b], "\n") + 1
		col := b - strings.LastIndex(src[:b], "\n")
		return hcl.Pos{Line: line, Column: col, Byte: b}
	}
	return hcl.Range{Filename: "main.tf", Start: pos(i), End: pos(i + len(text))}
}

func TestFixerEdits(t *testing.T) {
	src := "a = 1\nb = 22\nc = 333\n"
	f := newFixer(map[string][]byte{"main.tf": []byte(src)})
	// Ranges refer to the text the rule started with, whatever earlier edits did.
	steps := []func() error{
		func() error { return f.ReplaceText(rangeOf(t, src, "1"), "1111") },
		func() error { return f.Remove(rangeOf(t, src, "22")) },
		func() error { return f.InsertTextAfter(rangeOf(t, src, "333"), " # c") },
		func() error { return f.InsertTextBefore(rangeOf(t, src, "a"), "# a\n") },
		func() error { return f.ReplaceText(rangeOf(t, src, "1"), "5") }, // the same range again
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	if got, want := string(f.changes["main.tf"]), "# a\na = 5\nb = \nc = 333 # c\n"; got != want {
		t.Errorf("edits give %q, want %q", got, want)
	}
	if err := f.ReplaceText(rangeOf(t, src, "1\nb"), "x"); err == nil {
		t.Error("an edit overlapping an earlier one must fail")
	}
	if node := f.TextAt(rangeOf(t, src, "22")); string(node.Bytes) != "22" {
		t.Errorf("TextAt sees the text the rule started with, got %q", node.Bytes)
	}
	f.formatChanges()
	changed := f.commit()
	if got := string(changed["main.tf"]); got != "# a\na = 5\nb =\nc = 333 # c\n" {
		t.Errorf("formatted: %q", got)
	}
	if f.hasChanges() || string(f.sources["main.tf"]) != string(changed["main.tf"]) {
		t.Error("after commit the changes are the sources of the next rule")
	}
}

func TestFixerTextNodes(t *testing.T) {
	src := "x = (foo)\n"
	f := newFixer(map[string][]byte{"main.tf": []byte(src)})
	whole, inner := rangeOf(t, src, "(foo)"), rangeOf(t, src, "foo")
	if err := f.ReplaceText(whole, "[", f.TextAt(inner), "]"); err != nil {
		t.Fatal(err)
	}
	if got := string(f.changes["main.tf"]); got != "x = [foo]\n" {
		t.Errorf("got %q", got)
	}
	// The text node stays in place, so an edit inside it does not conflict.
	if err := f.ReplaceText(inner, "bar"); err != nil {
		t.Errorf("editing inside a kept text node: %v", err)
	}
	if got := string(f.changes["main.tf"]); got != "x = [bar]\n" {
		t.Errorf("got %q", got)
	}
	if err := f.ReplaceText(hcl.Range{Filename: "other.tf"}, "x"); err == nil {
		t.Error("editing a file outside the module must fail")
	}
}

func TestFixerSaveRestore(t *testing.T) {
	src := "a = 1\n"
	f := newFixer(map[string][]byte{"main.tf": []byte(src)})
	f.save()
	if err := f.ReplaceText(rangeOf(t, src, "1"), "2"); err != nil {
		t.Fatal(err)
	}
	f.restore()
	if f.hasChanges() {
		t.Error("restore must drop the edits made since save")
	}
}

func TestFixerRemove(t *testing.T) {
	src := "resource \"x\" \"y\" {\n  # about a\n  a = 1\n  b = 2 # keep\n}\n\nresource \"x\" \"z\" {\n  c = 3\n}\n"
	file, diags := hclsyntax.ParseConfig([]byte(src), "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	blocks := file.Body.(*hclsyntax.Body).Blocks
	f := newFixer(map[string][]byte{"main.tf": []byte(src)})
	if err := f.RemoveAttribute(blocks[0].Body.Attributes["a"].AsHCLAttribute()); err != nil {
		t.Fatal(err)
	}
	if err := f.RemoveBlock(blocks[1].AsHCLBlock()); err != nil {
		t.Fatal(err)
	}
	if got, want := string(f.changes["main.tf"]), "resource \"x\" \"y\" {\n  b = 2 # keep\n}\n\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	json := newFixer(map[string][]byte{"main.tf.json": []byte("{}")})
	if err := json.RemoveAttribute(&hcl.Attribute{Range: hcl.Range{Filename: "main.tf.json"}}); err != tflint.ErrFixNotSupported {
		t.Errorf("removing from JSON: %v, want ErrFixNotSupported", err)
	}
}

func TestFixerValueText(t *testing.T) {
	f := newFixer(nil)
	for _, c := range []struct {
		v    cty.Value
		want string
	}{
		{cty.NullVal(cty.String), "null"},
		{cty.True, "true"},
		{cty.NumberFloatVal(1.5), "1.5"},
		{cty.StringVal("a \"b\" ${c}\n"), `"a \"b\" $${c}\n"`},
		{cty.ListVal([]cty.Value{cty.NumberIntVal(1), cty.NumberIntVal(2)}), "[1, 2]"},
		{cty.EmptyObjectVal, "{}"},
		{cty.ObjectVal(map[string]cty.Value{"a": cty.NumberIntVal(1), "b c": cty.StringVal("d")}), `{ a = 1, "b c" = "d" }`},
	} {
		if got := f.ValueText(c.v); got != c.want {
			t.Errorf("ValueText(%#v) = %s, want %s", c.v, got, c.want)
		}
	}
}

func TestFixerRangeTo(t *testing.T) {
	f := newFixer(nil)
	start := hcl.Pos{Line: 3, Column: 5, Byte: 20}
	if got := f.RangeTo("abc", "main.tf", start); got.End != (hcl.Pos{Line: 3, Column: 8, Byte: 23}) {
		t.Errorf("one line: %+v", got.End)
	}
	if got := f.RangeTo("ab\ncd", "main.tf", start); got.End != (hcl.Pos{Line: 4, Column: 3, Byte: 25}) {
		t.Errorf("two lines: %+v", got.End)
	}
	if got := f.RangeTo("", "main.tf", start); got.End != start {
		t.Errorf("empty: %+v", got.End)
	}
}
