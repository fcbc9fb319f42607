package config

import (
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Resources and data sources of types the schema does not name still answer what
// Terraform knows of them before apply: how many instances a known count or for_each
// makes (so try(x_role.exec[0].id, var.id) with count = 0 falls back as in Terraform),
// and that id and the attributes a provider always sets once it has created or read
// them (Schema.Settled) are not null (so { for k, v in ... : k => v if v != null }
// keeps a member whose value comes from one). Every other attribute is unknown, of
// unknown type.

// unwatchedValue is what a reference to a resource or data block of a type the schema
// does not read sees: per instance, an object with the attributes read.
func (mod *module) unwatchedValue(block *hcl.Block, attrs []string) cty.Value {
	it := iterate(metaOf(block.Body), mod.eval.Value)
	if it.unknown || it.tooMany > 0 || attrs == nil {
		return unknownValue
	}
	instance := func() cty.Value {
		obj := make(map[string]cty.Value, len(attrs))
		for _, a := range attrs {
			v := cty.DynamicVal
			if a == "id" || slices.Contains(mod.cfg.schema.Settled, a) {
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

// dataBlock returns mod's data block of typ and name, watched or not.
func (mod *module) dataBlock(typ, name string) *hcl.Block {
	if db := mod.data[typ+"."+name]; db != nil {
		return db.block
	}
	for _, b := range mod.def.others {
		if b.Type == "data" && b.Labels[0] == typ && b.Labels[1] == name {
			return b
		}
	}
	return nil
}

// otherResource returns mod's resource block of a type the schema does not name.
func (mod *module) otherResource(typ, name string) *hcl.Block {
	for _, b := range mod.def.others {
		if b.Type == "resource" && b.Labels[0] == typ && b.Labels[1] == name {
			return b
		}
	}
	return nil
}
