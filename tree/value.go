package tree

import (
	"math/big"
	"strconv"

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
		return &Node{Kind: Number, Text: NumberText(v.AsBigFloat()), Range: rng}
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

// NumberText writes a number as JSON would. Whole numbers, nearly all of a task
// definition's, take a fast path: the shortest decimal form of a 512-bit float is costly.
func NumberText(f *big.Float) string {
	if f.IsInt() {
		if i, acc := f.Int64(); acc == big.Exact {
			return strconv.FormatInt(i, 10)
		}
	}
	return f.Text('g', -1)
}
