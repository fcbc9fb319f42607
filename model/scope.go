package model

import (
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// References between resources are answered by value, as in Terraform's plan: a reference
// to an argument the configuration sets has that argument's value, and an attribute
// computed at apply (id, arn, and anything not set) is unknown. Every such value carries
// a ref mark naming the resource instance it came from, so a reference still resolves to
// its resource after it went through locals, conditionals, splats and functions.
//
// Module.Value strips these marks (only sensitive marks stay, which rules must respect);
// Resolve reads them.

// ref marks a value read from a resource instance. key is the instance key as written
// in an address ([0], ["a"]), "" for a resource without count or for_each, or "?" when
// the instance cannot be told.
type ref struct {
	address, key string
}

// opaque marks an unknown value the model knows nothing of (a data source, a module
// output, a resource it does not read, an unknown variable): a value mixing a reference
// with one of these does not resolve, since it may name something else.
type opaque struct{}

// unknownValue is a value the model knows nothing of.
var unknownValue = cty.DynamicVal.Mark(opaque{})

// computedAttrs are the attributes every resource instance offers, unknown until apply.
var computedAttrs = []string{"id", "arn"}

// resourceBlock is one resource block of a module instance and what its expansion gave.
type resourceBlock struct {
	typ, name string
	block     *hcl.Block
	mod       *module
	addr      string
	instances []*Resource
	// keys are the instance keys, in order (nil for a block without count/for_each).
	keys []cty.Value
	// forEach says the instances are keyed by for_each; count by count.
	forEach, count bool
	// unknown is true when count or for_each cannot be known: the resource may have
	// instances the model cannot see.
	unknown  bool
	expanded bool
	visiting bool
}

// address is the block's address, with its module's path.
func (rb *resourceBlock) address() string {
	if rb.addr == "" {
		rb.addr = rb.typ + "." + rb.name
		if rb.mod.path != "" {
			rb.addr = rb.mod.path + "." + rb.addr
		}
	}
	return rb.addr
}

// Resource answers a reference to a managed resource of the module.
func (mod *module) Resource(typ, name string, attrs []string) cty.Value {
	rb := mod.blocks[typ+"."+name]
	if rb == nil {
		if b := mod.otherResource(typ, name); b != nil {
			return mod.unwatchedValue(b, attrs)
		}
		return unknownValue
	}
	m := mod.cfg
	cacheKey := rb.address()
	if attrs != nil {
		sorted := slices.Clone(attrs)
		sort.Strings(sorted)
		cacheKey += "." + strings.Join(sorted, ",")
	}
	if v, ok := m.refValues[cacheKey]; ok {
		return v
	}
	v := m.resourceValue(rb, attrs)
	if !rb.visiting {
		m.refValues[cacheKey] = v
	}
	return v
}

// resourceValue builds the value Resource returns.
func (m *Config) resourceValue(rb *resourceBlock, attrs []string) cty.Value {
	whole := ref{address: rb.address(), key: "?"}
	if rb.visiting {
		// A reference cycle (resources referring to each other): the resource is known
		// to be referenced, nothing more.
		return cty.DynamicVal.Mark(whole)
	}
	m.expand(rb)
	if rb.unknown {
		return cty.DynamicVal.Mark(whole)
	}
	if !rb.count && !rb.forEach {
		return m.instanceValue(rb.instances[0], "", attrs)
	}
	if rb.count {
		elems := make([]cty.Value, len(rb.instances))
		for i, r := range rb.instances {
			elems[i] = m.instanceValue(r, rb.instanceKey(i), attrs)
		}
		return cty.TupleVal(elems)
	}
	members := map[string]cty.Value{}
	for i, r := range rb.instances {
		members[rb.keys[i].AsString()] = m.instanceValue(r, rb.instanceKey(i), attrs)
	}
	return cty.ObjectVal(members)
}

// instanceValue is the object a reference to one instance sees: the attributes read
// (all the model reads when attrs is nil), each with its configured value or unknown,
// marked with the instance.
func (m *Config) instanceValue(r *Resource, key string, attrs []string) cty.Value {
	mark := ref{address: r.Address(), key: key}
	if attrs == nil {
		for name := range r.Block.Body.Attributes {
			attrs = append(attrs, name)
		}
		attrs = append(attrs, computedAttrs...)
		sort.Strings(attrs)
	}
	obj := make(map[string]cty.Value, len(attrs))
	for _, name := range attrs {
		v := cty.DynamicVal
		if a := r.Attr(name); a != nil && name != "depends_on" {
			v = m.raw(a.Expr)
		} else if slices.Contains(computedAttrs, name) {
			// AWS sets them when it creates the resource: a string, never null.
			v = cty.UnknownVal(cty.String).RefineNotNull()
		}
		obj[name] = v.Mark(mark)
	}
	return cty.ObjectVal(obj)
}

// refsOf returns the instances a value was read from, by its marks; none when part of
// it comes from something the model knows nothing of.
func refsOf(v cty.Value) []ref {
	if !v.IsMarked() {
		return nil
	}
	var out []ref
	for mark := range v.Marks() {
		switch r := mark.(type) {
		case ref:
			out = append(out, r)
		case opaque:
			return nil
		}
	}
	return out
}
