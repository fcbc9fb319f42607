// Package tffunc is the built-in function library of Terraform 1.x (through 1.14)
// and OpenTofu 1.x (through 1.10) as go-cty functions, for evaluating Terraform
// expressions in-process with hashicorp/hcl/v2: pass Functions(...) as
// hcl.EvalContext.Functions.
//
// Each function follows Terraform's documented semantics. Where go-cty's standard
// library already behaves as Terraform does it is reused; the functions written
// here are those whose go-cty counterpart differs (lookup's null default, coalesce
// skipping empty strings, length of strings and objects, ...), those go-cty lacks,
// and those that must keep each part of their arguments with its own marks.
//
// One rule holds throughout: an unknown never turns into a guess. A function whose
// result depends on something its arguments do not decide (the clock, randomness,
// the machine's home directory, a file system the caller did not name) returns an
// unknown value of the right type, and so does any call with an unknown argument
// unless the known parts already decide the result. Errors are returned as
// Terraform would raise them; callers typically turn them into unknown values.
//
// Marks travel with the values they were put on: a function that returns parts of
// its arguments unchanged (merge, concat, lookup, element, ...) keeps each part's
// own marks on that part, and marks on a collection argument itself go onto the
// result as a whole. Functions that compute a new value from their arguments
// (jsonencode, format, ...) carry the union of the arguments' marks, as go-cty
// does. The sensitive mark is tflint's marks.Sensitive.
package tffunc
