package config

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Data sources are unknown until apply, but for some the answer is decided by their
// arguments: the caller's Schema.Data answers those (one instance at a time), and the
// configuration expands their count and for_each and answers references to them.

// dataBlock is one data block of a module instance, with its value once worked out.
type dataBlock struct {
	block *hcl.Block
	mod   *module
	value cty.Value
}

// Data answers a reference to a data source: the value its arguments decide, or unknown.
func (mod *module) Data(typ, name string, attrs []string) cty.Value {
	db := mod.data[typ+"."+name]
	if db == nil {
		return unknownValue
	}
	if db.value == cty.NilVal {
		db.value = unknownValue // while it is worked out: a reference to itself is unknown
		db.value = db.evaluate(typ)
	}
	return withAttrs(db.value, attrs)
}

// evaluate works out the value of every instance of the data block.
func (db *dataBlock) evaluate(typ string) cty.Value {
	it := iterate(metaOf(db.block.Body), db.mod.eval.Value)
	if it.unknown || it.tooMany > 0 {
		return unknownValue
	}
	values := make([]cty.Value, len(it.scopes))
	for i, s := range it.scopes {
		values[i] = db.mod.cfg.schema.Data.Value(typ, &Body{Body: db.block.Body, mod: db.mod, s: s})
	}
	switch {
	case it.count:
		return cty.TupleVal(values)
	case it.forEach:
		members := map[string]cty.Value{}
		for i, k := range it.keys {
			members[k.AsString()] = values[i]
		}
		return cty.ObjectVal(members)
	}
	return values[0]
}

// withAttrs gives a data source's value the attributes an expression reads: those the
// model does not know are unknown.
func withAttrs(v cty.Value, attrs []string) cty.Value {
	if attrs == nil || !v.IsKnown() || v.IsMarked() {
		return v
	}
	ty := v.Type()
	switch {
	case ty.IsObjectType() && isInstance(v):
		members := v.AsValueMap()
		for _, a := range attrs {
			if _, ok := members[a]; !ok {
				members[a] = cty.DynamicVal
			}
		}
		return cty.ObjectVal(members)
	case ty.IsObjectType() || ty.IsTupleType():
		var out []cty.Value
		keys := []string{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			if ty.IsObjectType() {
				keys = append(keys, k.AsString())
			}
			out = append(out, withAttrs(e, attrs))
		}
		if ty.IsTupleType() {
			return cty.TupleVal(out)
		}
		members := map[string]cty.Value{}
		for i, k := range keys {
			members[k] = out[i]
		}
		return cty.ObjectVal(members)
	}
	return v
}

// isInstance tells an instance object from an object of instances keyed by for_each:
// an instance's attributes are never objects.
func isInstance(v cty.Value) bool {
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.Type().IsObjectType() {
			return false
		}
	}
	return true
}
