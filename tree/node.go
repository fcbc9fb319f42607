// Package tree holds a JSON-shaped value that remembers where each part of it is written
// in the Terraform source, and that keeps unknown parts unknown.
//
// Container definitions reach the plugin as jsonencode(...) calls, JSON heredocs, files and
// variables. Each of these is decoded into the same Node tree, so rules read one shape and
// can point a finding at the key or value the user has to change.
package tree

import (
	"math"
	"strconv"

	"github.com/hashicorp/hcl/v2"
)

// Kind says what a Node holds.
type Kind uint8

// The kinds of node. Unknown is the zero value: a node nobody could decode is unknown.
const (
	Unknown Kind = iota
	Null
	Bool
	Number
	String
	Array
	Object
)

// Node is one JSON value with the source range it came from.
//
// Range is where the value is written: the value expression inside jsonencode, the text
// inside a heredoc, or, when nothing finer is known, the expression that produced it.
type Node struct {
	Kind  Kind
	Range hcl.Range
	// Exact is true when Range is where this very value is written, as opposed to the
	// place of an expression that produced it.
	Exact bool
	// Spanned is true when an object or array built from values written elsewhere has
	// the range that spans them (Exact is then true too): where its parts were written,
	// not where the object itself was. A constructor written for it in the source
	// ({...} or [...]) is a better place, and takes over.
	Spanned bool

	// Text is the string of a String node, or the number of a Number node as written.
	Text string
	// Bool is the value of a Bool node.
	Bool bool
	// Items are the elements of an Array node.
	Items []*Node
	// Members are the entries of an Object node, in source order. A repeated key
	// appears twice; Get returns the last, as JSON decoders do.
	Members []*Member
}

// Member is one key of an Object node.
type Member struct {
	Key      string
	KeyRange hcl.Range
	Value    *Node
}

// NewUnknown returns an unknown node at rng.
func NewUnknown(rng hcl.Range) *Node {
	return &Node{Kind: Unknown, Range: rng}
}

// Known reports whether the node exists and is not unknown. Parts of a known node may
// still be unknown.
func (n *Node) Known() bool {
	return n != nil && n.Kind != Unknown
}

// Member returns the member named key of an Object node, or nil when the node is not an
// object or has no such key.
func (n *Node) Member(key string) *Member {
	if n == nil || n.Kind != Object {
		return nil
	}
	for i := len(n.Members) - 1; i >= 0; i-- {
		if n.Members[i].Key == key {
			return n.Members[i]
		}
	}
	return nil
}

// Get returns the value under key. It returns nil when the node is a known object
// without that key (or is not an object), and an unknown node when the node itself is
// unknown, because then the key may well be there.
func (n *Node) Get(key string) *Node {
	if n == nil {
		return nil
	}
	if n.Kind == Unknown {
		return NewUnknown(n.Range)
	}
	if m := n.Member(key); m != nil {
		return m.Value
	}
	return nil
}

// MayHave reports whether key is, or could be, present with a non-null value.
func (n *Node) MayHave(key string) bool {
	v := n.Get(key)
	return v != nil && v.Kind != Null
}

// Has reports whether the node is known to hold key with a non-null value.
func (n *Node) Has(key string) bool {
	v := n.Get(key)
	return v != nil && v.Kind != Null && v.Kind != Unknown
}

// Str returns the string of a known String node.
func (n *Node) Str() (string, bool) {
	if n == nil || n.Kind != String {
		return "", false
	}
	return n.Text, true
}

// Int returns the value of a known Number node that is a whole number.
func (n *Node) Int() (int64, bool) {
	if n == nil || n.Kind != Number {
		return 0, false
	}
	if i, err := strconv.ParseInt(n.Text, 10, 64); err == nil {
		return i, true
	}
	// Written as 1e2 or 80.0: accept it when a float64 holds it exactly.
	f, err := strconv.ParseFloat(n.Text, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, false
	}
	return int64(f), true
}

// IsTrue reports whether the node is the known boolean true.
func (n *Node) IsTrue() bool {
	return n != nil && n.Kind == Bool && n.Bool
}

// Elements returns the items of a known Array node. ok is false for anything else,
// including an unknown node, so callers can stay silent on it.
func (n *Node) Elements() (items []*Node, ok bool) {
	if n == nil || n.Kind != Array {
		return nil, false
	}
	return n.Items, true
}

// IsNull reports whether the node is absent or the JSON null.
func (n *Node) IsNull() bool {
	return n == nil || n.Kind == Null
}
