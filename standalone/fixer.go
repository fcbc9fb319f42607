package standalone

import (
	"bufio"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// fixer is the tflint.Fixer rules write their fixes with. Ranges always refer to the
// text as it was when the current rule started (sources); the edits a rule makes are
// kept apart (changes) and placed by what earlier edits of the same rule inserted or
// removed before them. After each rule the changed files are formatted, and become the
// sources of the next.
type fixer struct {
	sources map[string][]byte
	changes map[string][]byte
	edits   map[string][]edit

	saved struct {
		changes map[string][]byte
		edits   map[string][]edit
	}
}

// edit is one replacement: the bytes [start, end) of the sources became text delta bytes
// longer.
type edit struct {
	start, end, delta int
}

var _ tflint.Fixer = (*fixer)(nil)

func newFixer(sources map[string][]byte) *fixer {
	return &fixer{sources: maps.Clone(sources), changes: map[string][]byte{}, edits: map[string][]edit{}}
}

// ReplaceText replaces the text at rng by the texts, strings or tflint.TextNodes. A
// TextNode lying inside rng, in order, is kept in place rather than rewritten, so that
// the edit touches as little text as possible.
func (f *fixer) ReplaceText(rng hcl.Range, texts ...any) error {
	if len(texts) == 0 {
		return fmt.Errorf("no text to replace %s with", rng)
	}
	start := rng.Start.Byte
	var pending strings.Builder
	for _, t := range texts {
		switch t := t.(type) {
		case string:
			pending.WriteString(t)
		case tflint.TextNode:
			if t.Range.Filename == rng.Filename && t.Range.Start.Byte >= start && t.Range.End.Byte <= rng.End.Byte {
				if err := f.replace(rng.Filename, start, t.Range.Start.Byte, pending.String()); err != nil {
					return err
				}
				pending.Reset()
				start = t.Range.End.Byte
				continue
			}
			pending.Write(t.Bytes)
		default:
			return fmt.Errorf("ReplaceText takes strings and tflint.TextNode values, not %T", t)
		}
	}
	return f.replace(rng.Filename, start, rng.End.Byte, pending.String())
}

// replace replaces the bytes [start, end) of a file's sources by text.
func (f *fixer) replace(filename string, start, end int, text string) error {
	current, ok := f.changes[filename]
	if !ok {
		if current, ok = f.sources[filename]; !ok {
			return fmt.Errorf("cannot fix %s: not a file of the module", filename)
		}
	}
	if start < 0 || start > end || end > len(f.sources[filename]) {
		return fmt.Errorf("cannot fix %s: bytes %d-%d are outside the file", filename, start, end)
	}
	from, to := start, end
	var same *edit
	edits := f.edits[filename]
	for i := range edits {
		e := &edits[i]
		switch {
		case e.start == start && e.end == end && start < end:
			same = e
			to += e.delta
		case max(e.start, start) < min(e.end, end):
			return fmt.Errorf("cannot fix %s: bytes %d-%d were already rewritten by an edit of %d-%d", filename, start, end, e.start, e.end)
		case e.end <= start:
			from += e.delta
			to += e.delta
		}
	}
	updated := make([]byte, 0, len(current)-(to-from)+len(text))
	updated = append(append(append(updated, current[:from]...), text...), current[to:]...)
	if string(updated) == string(current) {
		return nil
	}
	f.changes[filename] = updated
	if same != nil {
		same.delta = len(text) - (end - start)
		return nil
	}
	f.edits[filename] = append(edits, edit{start: start, end: end, delta: len(text) - (end - start)})
	return nil
}

// InsertTextBefore inserts text where rng starts.
func (f *fixer) InsertTextBefore(rng hcl.Range, text string) error {
	return f.ReplaceText(hcl.Range{Filename: rng.Filename, Start: rng.Start, End: rng.Start}, text)
}

// InsertTextAfter inserts text where rng ends.
func (f *fixer) InsertTextAfter(rng hcl.Range, text string) error {
	return f.ReplaceText(hcl.Range{Filename: rng.Filename, Start: rng.End, End: rng.End}, text)
}

// Remove deletes the text at rng.
func (f *fixer) Remove(rng hcl.Range) error {
	return f.ReplaceText(rng, "")
}

// TextAt returns the text at rng, as it was when the rule started.
func (f *fixer) TextAt(rng hcl.Range) tflint.TextNode {
	src := f.sources[rng.Filename]
	if !rng.CanSliceBytes(src) {
		return tflint.TextNode{Range: rng}
	}
	return tflint.TextNode{Bytes: rng.SliceBytes(src), Range: rng}
}

// RangeTo returns the range text would cover if written at start.
func (f *fixer) RangeTo(to string, filename string, start hcl.Pos) hcl.Range {
	end := start
	if to == "" {
		return hcl.Range{Filename: filename, Start: start, End: end}
	}
	sc := hcl.NewRangeScanner([]byte(to), filename, bufio.ScanLines)
	var last hcl.Range
	for sc.Scan() {
		last = sc.Range()
	}
	end.Line = start.Line + last.End.Line - 1
	end.Column = last.End.Column
	if last.End.Line == 1 {
		end.Column = start.Column + last.End.Column - 1
	}
	end.Byte = start.Byte + last.End.Byte
	return hcl.Range{Filename: filename, Start: start, End: end}
}

// hasChanges reports whether the current rule changed a file.
func (f *fixer) hasChanges() bool {
	return len(f.changes) > 0
}

// formatChanges formats the changed native-syntax files, as tflint does after a rule.
func (f *fixer) formatChanges() {
	for name, src := range f.changes {
		if !strings.HasSuffix(name, ".json") {
			f.changes[name] = hclwrite.Format(src)
		}
	}
}

// commit makes the current rule's changes the sources of the next rule, and returns
// them.
func (f *fixer) commit() map[string][]byte {
	changed := f.changes
	maps.Copy(f.sources, changed)
	f.changes = map[string][]byte{}
	f.edits = map[string][]edit{}
	return changed
}

// save remembers the changes so far, before a fix that may be dropped.
func (f *fixer) save() {
	f.saved.changes = maps.Clone(f.changes)
	f.saved.edits = map[string][]edit{}
	for k, v := range f.edits {
		f.saved.edits[k] = slices.Clone(v)
	}
}

// restore drops the edits made since save.
func (f *fixer) restore() {
	f.changes = f.saved.changes
	f.edits = f.saved.edits
}
