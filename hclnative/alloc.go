package hclnative

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// slab hands out pointers to zeroed values of T carved from chunks, so that
// a tree's many small nodes cost a few allocations instead of one each. The
// chunks grow from 8 to 256 values, which keeps the waste small for small
// files. A chunk stays alive as long as any of its values does, which suits
// a tree whose nodes live and die together.
type slab[T any] struct {
	free []T
	next int // size of the next chunk
}

// alloc returns a pointer to a new zero T.
func (s *slab[T]) alloc() *T {
	if len(s.free) == 0 {
		s.next = min(max(2*s.next, 8), 256)
		s.free = make([]T, s.next)
	}
	v := &s.free[0]
	s.free = s.free[1:]
	return v
}

// traversalCap is the capacity each new traversal gets from the traverser
// slab: enough for the common `var.name`, `aws_vpc.main.id` and
// `local.list[0].x` without growing.
const traversalCap = 4

// nodeAllocator holds the slabs of the node types a file has many of.
type nodeAllocator struct {
	literals   slab[hclsyntax.LiteralValueExpr]
	scopes     slab[hclsyntax.ScopeTraversalExpr]
	templates  slab[hclsyntax.TemplateExpr]
	attributes slab[hclsyntax.Attribute]
	bodies     slab[hclsyntax.Body]
	blocks     slab[hclsyntax.Block]
	keys       slab[hclsyntax.ObjectConsKeyExpr]
	calls      slab[hclsyntax.FunctionCallExpr]
	tuples     slab[hclsyntax.TupleConsExpr]
	objects    slab[hclsyntax.ObjectConsExpr]
	traversers []hcl.Traverser // free traverser slots, traversalCap per traversal
	travChunk  int             // traversals in the next chunk of slots
}

// newTraversal returns a traversal holding first, with room to grow to
// traversalCap steps without allocating; past that, append copies it out as
// usual.
func (a *nodeAllocator) newTraversal(first hcl.Traverser) hcl.Traversal {
	if len(a.traversers) < traversalCap {
		a.travChunk = min(max(2*a.travChunk, 4), 128)
		a.traversers = make([]hcl.Traverser, a.travChunk*traversalCap)
	}
	t := a.traversers[0:1:traversalCap]
	a.traversers = a.traversers[traversalCap:]
	t[0] = first
	return t
}

// newLiteral returns a new LiteralValueExpr.
func (a *nodeAllocator) newLiteral(v cty.Value, rng hcl.Range) *hclsyntax.LiteralValueExpr {
	e := a.literals.alloc()
	e.Val, e.SrcRange = v, rng
	return e
}
