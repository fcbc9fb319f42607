package standalone

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// ValueText writes a known value as HCL on one line: [a, b] for sequences,
// { k = v, ... } for maps and objects.
func (f *fixer) ValueText(val cty.Value) string {
	ty := val.Type()
	switch {
	case !val.IsKnown():
		panic("ValueText: the value is unknown")
	case val.IsNull():
		return "null"
	case ty == cty.Bool:
		return fmt.Sprint(val.True())
	case ty == cty.Number:
		return val.AsBigFloat().Text('f', -1)
	case ty == cty.String:
		return strings.TrimSpace(string(hclwrite.TokensForValue(val).Bytes()))
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		var items []string
		for it := val.ElementIterator(); it.Next(); {
			_, v := it.Element()
			items = append(items, f.ValueText(v))
		}
		return "[" + strings.Join(items, ", ") + "]"
	case ty.IsMapType() || ty.IsObjectType():
		var items []string
		for it := val.ElementIterator(); it.Next(); {
			k, v := it.Element()
			key := k.AsString()
			if !hclsyntax.ValidIdentifier(key) {
				key = f.ValueText(k)
			}
			items = append(items, key+" = "+f.ValueText(v))
		}
		if len(items) == 0 {
			return "{}"
		}
		return "{ " + strings.Join(items, ", ") + " }"
	}
	panic("ValueText: no HCL text for a value of type " + ty.FriendlyName())
}

// RemoveAttribute deletes an attribute, with its line when it has one of its own (and
// the comment lines right above it). JSON files cannot be edited this way.
func (f *fixer) RemoveAttribute(attr *hcl.Attribute) error {
	if strings.HasSuffix(attr.Range.Filename, ".json") {
		return tflint.ErrFixNotSupported
	}
	return f.Remove(f.wholeLines(attr.Range))
}

// RemoveBlock deletes a block, with its lines as RemoveAttribute does.
func (f *fixer) RemoveBlock(block *hcl.Block) error {
	name := block.DefRange.Filename
	if strings.HasSuffix(name, ".json") {
		return tflint.ErrFixNotSupported
	}
	file, diags := hclsyntax.ParseConfig(f.sources[name], name, hcl.InitialPos)
	if diags.HasErrors() {
		return diags
	}
	var whole hcl.Range
	hclsyntax.VisitAll(file.Body.(*hclsyntax.Body), func(n hclsyntax.Node) hcl.Diagnostics {
		if b, ok := n.(*hclsyntax.Block); ok && b.TypeRange.Start.Byte == block.TypeRange.Start.Byte {
			whole = b.Range()
		}
		return nil
	})
	if whole.Filename == "" {
		return fmt.Errorf("no block at %s", block.DefRange)
	}
	return f.Remove(f.wholeLines(whole))
}

// RemoveExtBlock deletes a block read through hclext.
func (f *fixer) RemoveExtBlock(block *hclext.Block) error {
	return f.RemoveBlock(&hcl.Block{Type: block.Type, Labels: block.Labels, DefRange: block.DefRange, TypeRange: block.TypeRange, LabelRanges: block.LabelRanges})
}

// wholeLines widens rng to the lines it covers when nothing else is on them (but a
// trailing comment), and to the comment lines right above it.
func (f *fixer) wholeLines(rng hcl.Range) hcl.Range {
	src := f.sources[rng.Filename]
	if !rng.CanSliceBytes(src) {
		return rng
	}
	lineStart := bytes.LastIndexByte(src[:rng.Start.Byte], '\n') + 1
	if len(bytes.TrimSpace(src[lineStart:rng.Start.Byte])) != 0 {
		return rng
	}
	lineEnd := len(src)
	if i := bytes.IndexByte(src[rng.End.Byte:], '\n'); i >= 0 {
		lineEnd = rng.End.Byte + i + 1
	}
	rest := bytes.TrimSpace(src[rng.End.Byte:lineEnd])
	if len(rest) != 0 && !bytes.HasPrefix(rest, []byte("#")) && !bytes.HasPrefix(rest, []byte("//")) {
		return rng
	}
	// Comment lines right above belong to what is removed.
	for lineStart > 0 {
		prev := bytes.LastIndexByte(src[:lineStart-1], '\n') + 1
		line := bytes.TrimSpace(src[prev : lineStart-1])
		if !bytes.HasPrefix(line, []byte("#")) && !bytes.HasPrefix(line, []byte("//")) {
			break
		}
		lineStart = prev
	}
	out := rng
	out.Start.Byte, out.End.Byte = lineStart, lineEnd
	return out
}
