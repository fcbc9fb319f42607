// Package config answers, once per tflint run, the questions Terraform (and OpenTofu)
// would answer about the configuration tflint checks, knowing nothing of what any
// resource means to its provider:
//
//   - which modules there are: the root module's files (one transfer from tflint of
//     those that can matter), the modules it calls read from disk (local sources, and
//     remote ones where `terraform init` installed them), .tofu files replacing .tf
//     files of the same name;
//   - which resource instances exist, with count, for_each and dynamic blocks expanded
//     as Terraform expands them, and whether more may exist than can be seen;
//   - what an expression evaluates to in which module and scope, with the function
//     library (package tffunc), input variables asked of tflint in the root module and
//     taken from the caller's arguments in a called one;
//   - what a reference points at (Resolve), read from the value through locals,
//     conditionals, splats and functions, and what Terraform creates first
//     (CreatedAfter: every reference in a block, through locals, variables, data
//     sources and module outputs, and depends_on, where a module call means all of it);
//   - where a value was written, through three or more module levels (provenance), so
//     that a finding lands where the user fixes it; where a finding in a module
//     installed under .terraform belongs (the user's module call), and whether an
//     ignore comment silences it;
//   - JSON documents written in an attribute, with the source range of every key.
//
// It is handed, by its caller, the resource types and attributes to read (Schema) and
// the data sources whose value it may answer (DataSources): what a resource or data
// source means is its caller's knowledge. Package model asks it about ECS and VPC
// resources and reasons about them as AWS does; this package never imports it.
//
// The files build on each other in one direction, from the foundations up:
// config.go (the types), syntax.go (what the syntax alone says), schema.go (what the
// caller hands in), origin.go (the marks values carry: where a literal was written,
// which resource a value was read from), load.go (reading module files), eval.go
// (evaluation), expand.go (count, for_each and dynamic blocks), unwatched.go (what
// is known of resources and data sources the schema does not name), calls.go (the
// instances of module calls, in the order values need them), scope.go (what a
// module's variables, module calls and resources evaluate to), data.go (data sources),
// module.go (Load: the module tree), refs.go (references), order.go (what Terraform
// creates first), values.go
// (known values and presence), index.go (what exists, by type, address and
// referrer), json.go (JSON documents) and placement.go (where findings go).
package config
