package iampolicy

import (
	"github.com/zclconf/go-cty/cty"
)

// FromValue reads a policy from a cty value shaped as the argument of
// jsonencode(...) would be: an object or map with a Statement that is an
// object or a list, tuple or set of them. Marks are ignored.
//
// Unknown values are expected. An unknown inside a statement makes that
// statement Undecidable; an unknown Statement, statement list or whole value
// gives a policy that decides Unknown for every request. A known string is
// taken as the JSON text (jsonencode's result) and parsed; an unknown string
// decides Unknown for everything.
//
// ok is false only when v cannot be a policy document at all.
func FromValue(v cty.Value) (*Policy, bool) {
	if v == cty.NilVal {
		return nil, false
	}
	v, _ = v.UnmarkDeep()
	if v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
		p, err := Parse(v.AsString())
		return p, err == nil
	}
	if !v.IsKnown() && v.Type() == cty.String {
		return unreadablePolicy(), true
	}
	p, err := policyFromNode(nodeFromValue(v))
	return p, err == nil
}

// nodeFromValue converts an unmarked cty value into a document tree.
func nodeFromValue(v cty.Value) *node {
	if !v.IsKnown() {
		return &node{kind: kUnknown}
	}
	if v.IsNull() {
		return &node{kind: kNull}
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return &node{kind: kString, str: v.AsString()}
	case ty.IsObjectType() || ty.IsMapType():
		n := &node{kind: kObject}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			n.add(k.AsString(), nodeFromValue(e))
		}
		return n
	case ty.IsListType() || ty.IsTupleType() || ty.IsSetType():
		n := &node{kind: kArray}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			n.elems = append(n.elems, nodeFromValue(e))
		}
		return n
	}
	return &node{kind: kOther}
}
