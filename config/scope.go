package config

import (
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// References between resources are answered by value, as in Terraform's plan: a reference
// to an argument the configuration sets has that argument's value, and an attribute
// computed at apply (id, those Schema.Computed names, anything not set) is unknown. Every such value carries
// a ref mark naming the resource instance it came from, so a reference still resolves to
// its resource after it went through locals, conditionals, splats and functions.
//
// Config.Value strips these marks (only sensitive marks stay, which rules must respect);
// Resolve reads them.

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
// (all the configuration reads when attrs is nil), each with its configured value or unknown,
// marked with the instance.
func (m *Config) instanceValue(r *Resource, key string, attrs []string) cty.Value {
	mark := ref{address: r.Address(), key: key}
	if attrs == nil {
		for name := range r.Block.Body.Attributes {
			attrs = append(attrs, name)
		}
		attrs = append(attrs, "id")
		attrs = append(attrs, m.schema.Computed...)
		sort.Strings(attrs)
	}
	obj := make(map[string]cty.Value, len(attrs))
	for _, name := range attrs {
		v := cty.DynamicVal
		if a := r.Attr(name); a != nil && name != "depends_on" {
			v = m.raw(a.Expr)
		} else if name == "id" || slices.Contains(m.schema.Computed, name) {
			// The provider sets them when it creates the resource: a string, never null.
			v = cty.UnknownVal(cty.String).RefineNotNull()
		}
		obj[name] = v.Mark(mark)
	}
	return cty.ObjectVal(obj)
}

// Variable answers var.NAME. In the root module it is asked of tflint, which knows
// tfvars files and -var flags; a variable that is null only because its declared default
// is null is the caller's to decide: unknown. In a called module it is the caller's
// argument, evaluated where the call is written, else the declared default; either is
// converted to the declared type, with optional attributes' defaults.
func (mod *module) Variable(name string, ref hcl.Expression) cty.Value {
	if v, ok := mod.varValues[name]; ok {
		return v
	}
	v := mod.variable(name, ref)
	mod.varValues[name] = v
	return v
}

func (mod *module) variable(name string, ref hcl.Expression) cty.Value {
	if mod.parent == nil {
		if mod.variables == nil {
			return unknownValue
		}
		v := mod.variables(name, ref)
		if !v.IsKnown() {
			return mod.unknownVariable(name)
		}
		if v.IsNull() && mod.nullDefaults[name] {
			return unknownValue
		}
		return v
	}
	decl := mod.def.variables[name]
	if decl == nil {
		return unknownValue
	}
	content, _, _ := decl.Body.PartialContent(variableSchema)
	v := cty.NilVal
	if arg := mod.args[name]; arg != nil {
		v = mod.parent.eval.ValueIn(arg, mod.callScope)
	}
	// A null argument takes the default when the variable says nullable = false.
	if v == cty.NilVal || (v.IsKnown() && v.IsNull() && isFalseLiteral(content.Attributes["nullable"])) {
		if d := content.Attributes["default"]; d != nil {
			v = mod.eval.Value(d.Expr)
		}
	}
	if v == cty.NilVal {
		return unknownValue
	}
	if t := content.Attributes["type"]; t != nil {
		ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(t.Expr)
		if diags.HasErrors() {
			return unknownValue
		}
		if defaults != nil {
			v = defaults.Apply(v)
		}
		converted, err := convert.Convert(v, ty)
		if err != nil {
			return unknownValue
		}
		v = converted
	}
	return v
}

// unknownVariable is a root variable without a value, as Terraform's plan knows it: of
// its declared type, and not null when it says nullable = false.
func (mod *module) unknownVariable(name string) cty.Value {
	decl := mod.def.variables[name]
	if decl == nil {
		return unknownValue
	}
	content, _, _ := decl.Body.PartialContent(variableSchema)
	t := content.Attributes["type"]
	if t == nil {
		return unknownValue
	}
	ty, diags := typeexpr.TypeConstraint(t.Expr)
	if diags.HasErrors() || ty == cty.DynamicPseudoType {
		return unknownValue
	}
	v := cty.UnknownVal(ty)
	if isFalseLiteral(content.Attributes["nullable"]) && (ty.IsPrimitiveType() || ty.IsCollectionType() || ty.IsObjectType()) {
		v = v.RefineNotNull()
	}
	return v.Mark(opaque{})
}

// ModuleCall answers module.NAME: the outputs of the call's instance, a tuple of them
// for count, an object keyed by instance key for for_each; unknown when the call cannot
// be followed. A call not instantiated yet is instantiated now (see instantiateCall).
func (mod *module) ModuleCall(name string) cty.Value {
	ci := mod.calls[name]
	if ci == nil && mod.def.call(name) != nil {
		ci = mod.cfg.instantiateCall(mod, name)
	}
	if ci == nil || ci.unknown || ci.pending {
		return unknownValue
	}
	switch {
	case ci.count:
		elems := make([]cty.Value, len(ci.instances))
		for i, child := range ci.instances {
			elems[i] = child.outputValues()
		}
		return cty.TupleVal(elems)
	case ci.forEach:
		members := map[string]cty.Value{}
		for i, child := range ci.instances {
			members[ci.keys[i].AsString()] = child.outputValues()
		}
		return cty.ObjectVal(members)
	}
	if len(ci.instances) == 0 {
		return unknownValue
	}
	return ci.instances[0].outputValues()
}

// outputValues evaluates the module's outputs, once.
func (mod *module) outputValues() cty.Value {
	if mod.outputs != cty.NilVal {
		return mod.outputs
	}
	if mod.visiting {
		return unknownValue
	}
	mod.visiting = true
	out := map[string]cty.Value{}
	for name, expr := range mod.def.outputs {
		out[name] = mod.eval.Value(expr)
	}
	mod.visiting = false
	mod.outputs = cty.ObjectVal(out)
	return mod.outputs
}
