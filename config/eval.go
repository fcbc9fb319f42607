package config

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/fargate-lint/tflint-ruleset-fargate/hcleval"
)

// Evaluation: an expression of the root module, or of a resource instance in its module
// and scope, evaluated once, with or without the marks that say where its parts come
// from.

// Value evaluates expr, an attribute of a resource instance or an expression of the root
// module; unknown parts stay unknown, and only sensitive values are marked.
func (c *Config) Value(expr hcl.Expression) cty.Value {
	if v, ok := c.values[expr]; ok {
		return v
	}
	v := hcleval.Plain(c.raw(expr))
	c.values[expr] = v
	return v
}

// raw evaluates expr with the marks that say which resource a value was read from.
func (c *Config) raw(expr hcl.Expression) cty.Value {
	if bound, ok := boundOf(expr); ok {
		return bound.Val
	}
	if v, ok := c.raws[expr]; ok {
		return v
	}
	if c.root == nil {
		return cty.DynamicVal
	}
	v := c.root.eval.Value(expr)
	c.raws[expr] = v
	return v
}

// Raw evaluates expr as Value does, keeping every mark: those that say which resource a
// value was read from, where a literal was written, and those a data source's answer
// carries (see DataSources).
func (c *Config) Raw(expr hcl.Expression) cty.Value { return c.raw(expr) }

// RawIn evaluates expr, written in resource instance r, in r's module and scope, keeping
// every mark.
func (c *Config) RawIn(r *Resource, expr hcl.Expression) cty.Value { return c.rawIn(r, expr) }

// maxLocalHops bounds how many locals the decoder follows to find where a value is
// written.
const maxLocalHops = 8

// valueIn evaluates expr, written in resource instance r, in r's module and scope.
func (m *Config) valueIn(r *Resource, expr hcl.Expression) cty.Value {
	if r.mod == nil || (r.mod == m.root && len(r.scope) == 0) {
		return m.Value(expr)
	}
	return hcleval.Plain(r.mod.eval.ValueIn(expr, r.scope))
}

// rawIn is valueIn with every mark kept.
func (m *Config) rawIn(r *Resource, expr hcl.Expression) cty.Value {
	if r.mod == nil || (r.mod == m.root && len(r.scope) == 0) {
		return m.raw(expr)
	}
	return r.mod.eval.ValueIn(expr, r.scope)
}

// localExpr returns the expression of local.NAME in mod when tr is exactly that.
func (m *Config) localExpr(mod *module, tr hcl.Traversal) (hcl.Expression, bool) {
	if mod == nil {
		return nil, false
	}
	if len(tr) != 2 || tr.RootName() != "local" {
		return nil, false
	}
	attr, ok := tr[1].(hcl.TraverseAttr)
	if !ok {
		return nil, false
	}
	return mod.eval.Local(attr.Name)
}
