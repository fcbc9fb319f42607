// Package iampolicy reads an IAM policy document, as written for a VPC endpoint,
// and decides from the document alone whether it lets a request through.
//
// The linter never asks AWS, so everything here works on the text (Parse) or on
// the value Terraform would pass to jsonencode (FromValue), and the answer is
// three-valued with a fourth for doubt: Allowed, ImplicitDeny (nothing allows
// it), ExplicitDeny (a Deny statement certainly covers it) and Unknown. Unknown
// is returned whenever a statement that could change the outcome cannot be
// settled from the document: it has a Condition, names particular principals,
// uses a policy variable in a resource, or holds a value Terraform does not know
// yet. Callers that raise findings act only on the two deny decisions, which are
// given only when no reading of the uncertain parts could turn them around.
//
// Evaluation follows IAM's order restricted to one policy: a matching Deny wins,
// then a matching Allow, and anything else is denied by default.
package iampolicy
