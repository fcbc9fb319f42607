package model

import (
	"encoding/json"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/fargate-lint/tflint-ruleset-fargate/hcleval"
)

// The aws_iam_policy_document data source renders its statement blocks as JSON inside
// the provider, without calling AWS, so the model answers it: json and minified_json hold
// the document when every argument is known. A document merged from others
// (source_policy_documents, override_policy_documents and their older *_json forms) is
// left unknown, as is one whose dynamic blocks cannot be expanded.

var (
	policyDocumentSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "version"}, {Name: "policy_id"}, {Name: "source_policy_documents"},
			{Name: "override_policy_documents"}, {Name: "source_json"}, {Name: "override_json"}},
		Blocks: []hcl.BlockHeaderSchema{{Type: "statement"}, {Type: "dynamic", LabelNames: []string{"type"}}},
	}
	policyStatementSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "sid"}, {Name: "effect"}, {Name: "actions"}, {Name: "not_actions"},
			{Name: "resources"}, {Name: "not_resources"}},
		Blocks: []hcl.BlockHeaderSchema{{Type: "principals"}, {Type: "not_principals"}, {Type: "condition"},
			{Type: "dynamic", LabelNames: []string{"type"}}},
	}
	policyPrincipalSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "type"}, {Name: "identifiers"}}}
	policyConditionSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "test"}, {Name: "variable"}, {Name: "values"}}}
)

// scopedBody is a block body with the scope its expressions are evaluated in (the
// iterator of the dynamic block that generated it).
type scopedBody struct {
	body hcl.Body
	s    scope
}

// policyDocument renders one instance of an aws_iam_policy_document.
func (db *dataBlock) policyDocument(s scope) cty.Value {
	content, _, diags := db.block.Body.PartialContent(policyDocumentSchema)
	if diags.HasErrors() {
		return unknownValue
	}
	for _, merged := range []string{"source_policy_documents", "override_policy_documents", "source_json", "override_json"} {
		if v, ok := db.known(content.Attributes[merged], s); !ok || !v.IsNull() {
			return unknownValue
		}
	}
	doc := map[string]any{}
	version, ok := db.text(content.Attributes["version"], s)
	if !ok {
		return unknownValue
	}
	if version == "" {
		version = "2012-10-17"
	}
	doc["Version"] = version
	if id, ok := db.text(content.Attributes["policy_id"], s); !ok {
		return unknownValue
	} else if id != "" {
		doc["Id"] = id
	}
	bodies, ok := db.nested(content, "statement", s)
	if !ok || len(bodies) == 0 {
		return unknownValue // no statement: nothing AWS would take as a policy
	}
	var statements []any
	for _, b := range bodies {
		stmt, ok := db.policyStatement(b)
		if !ok {
			return unknownValue
		}
		statements = append(statements, stmt)
	}
	doc["Statement"] = statements
	pretty, err1 := json.MarshalIndent(doc, "", "  ")
	minified, err2 := json.Marshal(doc)
	if err1 != nil || err2 != nil {
		return unknownValue
	}
	return cty.ObjectVal(map[string]cty.Value{
		"json":          cty.StringVal(string(pretty)),
		"minified_json": cty.StringVal(string(minified)),
	})
}

// policyStatement renders one statement block as the provider does: effect Allow when
// omitted, one-element lists as strings, principals merged by type ("*" for the
// anonymous principal), conditions by test and variable.
func (db *dataBlock) policyStatement(b scopedBody) (map[string]any, bool) {
	content, _, diags := b.body.PartialContent(policyStatementSchema)
	if diags.HasErrors() {
		return nil, false
	}
	stmt := map[string]any{}
	sid, ok1 := db.text(content.Attributes["sid"], b.s)
	effect, ok2 := db.text(content.Attributes["effect"], b.s)
	if !ok1 || !ok2 {
		return nil, false
	}
	if sid != "" {
		stmt["Sid"] = sid
	}
	if effect == "" {
		effect = "Allow"
	}
	stmt["Effect"] = effect
	for _, list := range []struct{ attr, key string }{{"actions", "Action"}, {"not_actions", "NotAction"},
		{"resources", "Resource"}, {"not_resources", "NotResource"}} {
		items, ok := db.texts(content.Attributes[list.attr], b.s)
		if !ok {
			return nil, false
		}
		if len(items) > 0 {
			stmt[list.key] = oneOrMany(items)
		}
	}
	for _, p := range []struct{ block, key string }{{"principals", "Principal"}, {"not_principals", "NotPrincipal"}} {
		principal, ok := db.policyPrincipals(content, p.block, b.s)
		if !ok {
			return nil, false
		}
		if principal != nil {
			stmt[p.key] = principal
		}
	}
	conditions, ok := db.nested(content, "condition", b.s)
	if !ok {
		return nil, false
	}
	if len(conditions) > 0 {
		tests := map[string]map[string][]string{}
		for _, c := range conditions {
			cc, _, diags := c.body.PartialContent(policyConditionSchema)
			test, ok1 := db.text(cc.Attributes["test"], c.s)
			variable, ok2 := db.text(cc.Attributes["variable"], c.s)
			values, ok3 := db.texts(cc.Attributes["values"], c.s)
			if diags.HasErrors() || !ok1 || !ok2 || !ok3 {
				return nil, false
			}
			if tests[test] == nil {
				tests[test] = map[string][]string{}
			}
			tests[test][variable] = append(tests[test][variable], values...)
		}
		rendered := map[string]any{}
		for test, vars := range tests {
			byVar := map[string]any{}
			for v, values := range vars {
				byVar[v] = oneOrMany(values)
			}
			rendered[test] = byVar
		}
		stmt["Condition"] = rendered
	}
	return stmt, true
}

// policyPrincipals renders the principals (or not_principals) blocks of a statement; nil
// when there are none.
func (db *dataBlock) policyPrincipals(content *hcl.BodyContent, typ string, s scope) (any, bool) {
	blocks, ok := db.nested(content, typ, s)
	if !ok {
		return nil, false
	}
	if len(blocks) == 0 {
		return nil, true
	}
	byType := map[string][]string{}
	for _, p := range blocks {
		pc, _, diags := p.body.PartialContent(policyPrincipalSchema)
		kind, ok1 := db.text(pc.Attributes["type"], p.s)
		ids, ok2 := db.texts(pc.Attributes["identifiers"], p.s)
		if diags.HasErrors() || !ok1 || !ok2 || kind == "" {
			return nil, false
		}
		if kind == "*" && slices.Contains(ids, "*") {
			return "*", true
		}
		byType[kind] = append(byType[kind], ids...)
	}
	out := map[string]any{}
	for kind, ids := range byType {
		out[kind] = oneOrMany(ids)
	}
	return out, true
}

// nested returns the blocks of type typ in content, written out or generated by dynamic
// blocks, in source order. ok is false when a dynamic block cannot be expanded.
func (db *dataBlock) nested(content *hcl.BodyContent, typ string, s scope) ([]scopedBody, bool) {
	var out []scopedBody
	for _, b := range content.Blocks {
		switch {
		case b.Type == typ:
			out = append(out, scopedBody{body: b.Body, s: s})
		case b.Type == "dynamic" && len(b.Labels) == 1 && b.Labels[0] == typ:
			dyn, _, diags := b.Body.PartialContent(dynamicSchema)
			forEach := dyn.Attributes["for_each"]
			contents := dyn.Blocks.OfType("content")
			if diags.HasErrors() || forEach == nil || len(contents) != 1 {
				return nil, false
			}
			iterator := typ
			if it := dyn.Attributes["iterator"]; it != nil {
				if iterator = hcl.ExprAsKeyword(it.Expr); iterator == "" {
					return nil, false
				}
			}
			elems, ok := iterable(db.mod.eval.ValueIn(forEach.Expr, s))
			if !ok {
				return nil, false
			}
			for _, kv := range elems {
				inner := s.with(iterator, cty.ObjectVal(map[string]cty.Value{"key": kv[0], "value": kv[1]}))
				out = append(out, scopedBody{body: contents[0].Body, s: inner})
			}
		}
	}
	return out, true
}

// known evaluates attr in scope s: null when it is absent; ok is false when the value is
// not wholly known or is sensitive.
func (db *dataBlock) known(attr *hcl.Attribute, s scope) (cty.Value, bool) {
	if attr == nil {
		return cty.NullVal(cty.DynamicPseudoType), true
	}
	v := hcleval.Plain(db.mod.eval.ValueIn(attr.Expr, s))
	if !v.IsWhollyKnown() || v.ContainsMarked() {
		return cty.NilVal, false
	}
	return v, true
}

// text evaluates a string argument: "" when absent or null.
func (db *dataBlock) text(attr *hcl.Attribute, s scope) (string, bool) {
	v, ok := db.known(attr, s)
	if !ok {
		return "", false
	}
	if v.IsNull() {
		return "", true
	}
	return ctyString(v)
}

// texts evaluates a list or set of strings: empty when absent or null. Repeated items
// are kept once, as in the provider's sets.
func (db *dataBlock) texts(attr *hcl.Attribute, s scope) ([]string, bool) {
	v, ok := db.known(attr, s)
	if !ok {
		return nil, false
	}
	if v.IsNull() {
		return nil, true
	}
	l, err := convert.Convert(v, cty.List(cty.String))
	if err != nil || l.IsNull() {
		return nil, false
	}
	var out []string
	for _, e := range l.AsValueSlice() {
		if e.IsNull() {
			return nil, false
		}
		if !slices.Contains(out, e.AsString()) {
			out = append(out, e.AsString())
		}
	}
	return out, true
}

// oneOrMany writes a one-item list as its item, as the provider does.
func oneOrMany(items []string) any {
	if len(items) == 1 {
		return items[0]
	}
	return items
}
