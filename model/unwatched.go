package model

import (
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Resources and data sources the model does not watch still answer what Terraform knows
// of them before apply: how many instances a known count or for_each makes (so
// try(aws_iam_role.exec[0].arn, var.arn) with count = 0 falls back as in Terraform), and
// that the attributes a provider always sets once it has created or read them are not
// null (so { for k, v in ... : k => v if v != null } keeps a member whose value comes
// from one). Every other attribute is unknown, of unknown type.

// settledAttrs are attributes the AWS provider always sets, to a string, once a resource
// is created or a data source read: an unknown value of theirs is refined as not null.
// A refinement that turns out too optimistic only keeps an unknown leaf, which never
// makes a finding.
var settledAttrs = []string{
	"id", "arn", "name", "value", "insecure_value", "repository_url", "image_uri",
	"account_id", "dns_name", "zone_id", "secret_string", "url", "registry_id",
}

// unwatchedValue is what a reference to a resource or data block of a type the model
// does not watch sees: per instance, an object with the attributes read.
func (mod *module) unwatchedValue(block *hcl.Block, attrs []string) cty.Value {
	it := iterate(metaOf(block.Body), mod.eval.Value)
	if it.unknown || it.tooMany > 0 || attrs == nil {
		return unknownValue
	}
	instance := func() cty.Value {
		obj := make(map[string]cty.Value, len(attrs))
		for _, a := range attrs {
			v := cty.DynamicVal
			if slices.Contains(settledAttrs, a) {
				v = cty.UnknownVal(cty.String).RefineNotNull()
			}
			obj[a] = v.Mark(opaque{})
		}
		return cty.ObjectVal(obj)
	}
	switch {
	case it.count:
		elems := make([]cty.Value, len(it.scopes))
		for i := range elems {
			elems[i] = instance()
		}
		return cty.TupleVal(elems)
	case it.forEach:
		members := make(map[string]cty.Value, len(it.keys))
		for _, k := range it.keys {
			members[k.AsString()] = instance()
		}
		return cty.ObjectVal(members)
	}
	return instance()
}
