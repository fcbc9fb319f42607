package hclnative

import (
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// navigation is the Nav of the files Parse returns. It answers the questions
// hcl's diagnostic printer asks about a position in the file exactly as
// hclsyntax's own navigation type does: about the top-level block that
// contains the offset, if any.
type navigation struct {
	root *hclsyntax.Body
}

// blockAt returns the top-level block whose range contains offset, or nil.
func (n navigation) blockAt(offset int) *hclsyntax.Block {
	for _, b := range n.root.Blocks {
		if b.Range().ContainsOffset(offset) {
			return b
		}
	}
	return nil
}

// ContextString returns the header of the top-level block containing offset,
// like `resource "aws_instance" "web"`, or "" when there is none.
func (n navigation) ContextString(offset int) string {
	b := n.blockAt(offset)
	if b == nil {
		return ""
	}
	var sb strings.Builder
	sb.WriteString(b.Type)
	for _, label := range b.Labels {
		sb.WriteByte(' ')
		sb.WriteString(strconv.Quote(label))
	}
	return sb.String()
}

// ContextDefRange returns the definition range (type and labels) of the
// top-level block containing offset, or the zero range when there is none.
func (n navigation) ContextDefRange(offset int) hcl.Range {
	b := n.blockAt(offset)
	if b == nil {
		return hcl.Range{}
	}
	return b.DefRange()
}
