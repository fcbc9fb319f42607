// Package hclnative is a fast parser for HCL native syntax files that builds
// exactly the tree hclsyntax.ParseConfig builds, or declines.
//
// The contract is all or nothing. Parse returns ok only when the file it
// returns is identical to the one hclsyntax.ParseConfig would return for the
// same source and file name: the same *hclsyntax.Body, *hclsyntax.Block,
// *hclsyntax.Attribute and hclsyntax expression nodes, the same hcl.Range on
// every node and traversal step, the same cty literal values and operations,
// and no diagnostics from hclsyntax. Otherwise Parse declines by returning
// nil, false, and the caller parses the file with hclsyntax instead, which
// also yields hclsyntax's diagnostics. A decline costs only speed; it never
// changes a result.
//
// Parse covers the whole native syntax: bodies, attributes, blocks (one-line
// blocks included), all literals, quoted templates and heredocs with
// interpolations, strip markers and directives, tuples, objects, for
// expressions, function calls, traversals, splats, operators and
// conditionals. It declines on anything hclsyntax reports a diagnostic for,
// and on a few rare inputs it leaves to hclsyntax rather than reproduce:
// invalid UTF-8 outside comments, heredoc markers with non-ASCII letters,
// unclosed block comments, and constructs nested more than maxDepth deep.
//
// The speed comes from lexing lazily, one token ahead of the parser, straight
// from the source bytes: there is no token slice for the whole file, columns
// are counted byte by byte for ASCII and with grapheme clusters (as hclsyntax
// counts them) only for tokens that contain other characters, and the nodes of
// the tree are carved from slabs.
//
// The parser follows hclsyntax's grammar step by step, so that the shape of
// the tree, which hclsyntax defines by how it parses, comes out the same: the
// same precedence and associativity of operators, the same choice between a
// traversal step and an IndexExpr, the same splitting of template text into
// tokens (on which strip markers and flush heredocs act), the same empty
// literals in empty templates and directives. The tests check this
// differentially against hclsyntax on tables of snippets, on every .tf file of
// the repository, on generated files and under fuzzing.
package hclnative
