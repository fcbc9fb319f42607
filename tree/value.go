package tree

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// FromValue converts an evaluated HCL value to a Node whose every part sits at rng.
// Unknown and marked (sensitive, ephemeral) parts become unknown nodes.
func FromValue(v cty.Value, rng hcl.Range) *Node {
	if v == cty.NilVal || !v.IsKnown() || v.IsMarked() {
		return NewUnknown(rng)
	}
	if v.IsNull() {
		return &Node{Kind: Null, Range: rng}
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return &Node{Kind: String, Text: v.AsString(), Range: rng}
	case ty == cty.Number:
		return &Node{Kind: Number, Text: v.AsBigFloat().Text('g', -1), Range: rng}
	case ty == cty.Bool:
		return &Node{Kind: Bool, Bool: v.True(), Range: rng}
	case ty.IsObjectType() || ty.IsMapType():
		n := &Node{Kind: Object, Range: rng}
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			if !k.IsKnown() || k.IsMarked() {
				return NewUnknown(rng)
			}
			n.Members = append(n.Members, &Member{Key: k.AsString(), KeyRange: rng, Value: FromValue(ev, rng)})
		}
		return n
	case ty.IsTupleType() || ty.IsListType() || ty.IsSetType():
		n := &Node{Kind: Array, Items: []*Node{}, Range: rng}
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			n.Items = append(n.Items, FromValue(ev, rng))
		}
		return n
	default:
		return NewUnknown(rng)
	}
}
