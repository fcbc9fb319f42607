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

// Placer unmarks a value and says where it was written: at, when placed is true. hidden
// is true for a value that must not be read (sensitive); it becomes an unknown node.
type Placer func(v cty.Value) (plain cty.Value, at hcl.Range, placed, hidden bool)

// FromMarkedValue converts a marked value as FromValue does, placing each part where
// place says it was written (and marking that node Exact), else where its parent is.
// An object nobody placed spans its placed members when they are written in one file.
func FromMarkedValue(v cty.Value, rng hcl.Range, place Placer) *Node {
	if v == cty.NilVal {
		return NewUnknown(rng)
	}
	plain, at, placed, hidden := place(v)
	if placed {
		rng = at
	}
	if hidden || !plain.IsKnown() {
		return &Node{Kind: Unknown, Range: rng, Exact: placed}
	}
	if plain.IsNull() {
		return &Node{Kind: Null, Range: rng, Exact: placed}
	}
	ty := plain.Type()
	switch {
	case ty.IsObjectType() || ty.IsMapType():
		n := &Node{Kind: Object, Range: rng, Exact: placed}
		for it := plain.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			k, _ = k.Unmark()
			if !k.IsKnown() {
				return NewUnknown(rng)
			}
			child := FromMarkedValue(ev, rng, place)
			n.Members = append(n.Members, &Member{Key: k.AsString(), KeyRange: child.Range, Value: child})
		}
		if !placed {
			n.spanChildren()
		}
		return n
	case ty.IsTupleType() || ty.IsListType() || ty.IsSetType():
		n := &Node{Kind: Array, Items: []*Node{}, Range: rng, Exact: placed}
		for it := plain.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			n.Items = append(n.Items, FromMarkedValue(ev, rng, place))
		}
		if !placed {
			n.spanChildren()
		}
		return n
	}
	n := FromValue(plain, rng)
	n.Exact = placed
	return n
}

// spanChildren sets the range of an unplaced node to span its placed children, when they
// are all written in one file.
func (n *Node) spanChildren() {
	var span hcl.Range
	found := false
	visit := func(c *Node) bool {
		if !c.Exact {
			return true
		}
		switch {
		case !found:
			span, found = c.Range, true
		case c.Range.Filename != span.Filename:
			return false
		default:
			span = hcl.RangeOver(span, c.Range)
		}
		return true
	}
	for _, it := range n.Items {
		if !visit(it) {
			return
		}
	}
	for _, m := range n.Members {
		if !visit(m.Value) {
			return
		}
	}
	if found {
		n.Range, n.Exact, n.Spanned = span, true, true
	}
}
