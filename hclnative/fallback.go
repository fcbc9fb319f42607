package hclnative

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// ParseConfig parses src, a file of HCL native syntax named filename, with Parse, and
// with hclsyntax.ParseConfig when Parse declines. Either way the result is hclsyntax's:
// the same tree, and on a syntax error hclsyntax's own diagnostics.
func ParseConfig(src []byte, filename string) (*hcl.File, hcl.Diagnostics) {
	if file, ok := Parse(src, filename); ok {
		return file, nil
	}
	return hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
}
