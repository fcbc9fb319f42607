package model

import (
	"encoding/json"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"
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

// policyDocument renders one instance of an aws_iam_policy_document.
func policyDocument(b *config.Body) cty.Value {
	content, _, diags := b.PartialContent(policyDocumentSchema)
	if diags.HasErrors() {
		return config.Unknown
	}
	for _, merged := range []string{"source_policy_documents", "override_policy_documents", "source_json", "override_json"} {
		if v, ok := known(b, content.Attributes[merged]); !ok || !v.IsNull() {
			return config.Unknown
		}
	}
	doc := map[string]any{}
	version, ok := text(b, content.Attributes["version"])
	if !ok {
		return config.Unknown
	}
	if version == "" {
		version = "2012-10-17"
	}
	doc["Version"] = version
	if id, ok := text(b, content.Attributes["policy_id"]); !ok {
		return config.Unknown
	} else if id != "" {
		doc["Id"] = id
	}
	bodies, ok := b.Blocks(content, "statement")
	if !ok || len(bodies) == 0 {
		return config.Unknown // no statement: nothing AWS would take as a policy
	}
	var statements []any
	for _, sb := range bodies {
		stmt, ok := policyStatement(sb)
		if !ok {
			return config.Unknown
		}
		statements = append(statements, stmt)
	}
	doc["Statement"] = statements
	pretty, err1 := json.MarshalIndent(doc, "", "  ")
	minified, err2 := json.Marshal(doc)
	if err1 != nil || err2 != nil {
		return config.Unknown
	}
	return cty.ObjectVal(map[string]cty.Value{
		"json":          cty.StringVal(string(pretty)),
		"minified_json": cty.StringVal(string(minified)),
	})
}

// policyStatement renders one statement block as the provider does: effect Allow when
// omitted, one-element lists as strings, principals merged by type ("*" for the
// anonymous principal), conditions by test and variable.
func policyStatement(b *config.Body) (map[string]any, bool) {
	content, _, diags := b.PartialContent(policyStatementSchema)
	if diags.HasErrors() {
		return nil, false
	}
	stmt := map[string]any{}
	sid, ok1 := text(b, content.Attributes["sid"])
	effect, ok2 := text(b, content.Attributes["effect"])
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
		items, ok := texts(b, content.Attributes[list.attr])
		if !ok {
			return nil, false
		}
		if len(items) > 0 {
			stmt[list.key] = oneOrMany(items)
		}
	}
	for _, p := range []struct{ block, key string }{{"principals", "Principal"}, {"not_principals", "NotPrincipal"}} {
		principal, ok := policyPrincipals(b, content, p.block)
		if !ok {
			return nil, false
		}
		if principal != nil {
			stmt[p.key] = principal
		}
	}
	conditions, ok := b.Blocks(content, "condition")
	if !ok {
		return nil, false
	}
	if len(conditions) > 0 {
		tests := map[string]map[string][]string{}
		for _, c := range conditions {
			cc, _, diags := c.PartialContent(policyConditionSchema)
			test, ok1 := text(c, cc.Attributes["test"])
			variable, ok2 := text(c, cc.Attributes["variable"])
			values, ok3 := texts(c, cc.Attributes["values"])
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
func policyPrincipals(b *config.Body, content *hcl.BodyContent, typ string) (any, bool) {
	blocks, ok := b.Blocks(content, typ)
	if !ok {
		return nil, false
	}
	if len(blocks) == 0 {
		return nil, true
	}
	byType := map[string][]string{}
	for _, p := range blocks {
		pc, _, diags := p.PartialContent(policyPrincipalSchema)
		kind, ok1 := text(p, pc.Attributes["type"])
		ids, ok2 := texts(p, pc.Attributes["identifiers"])
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

// known evaluates attr in b's scope: null when it is absent; ok is false when the value
// is not wholly known or is sensitive.
func known(b *config.Body, attr *hcl.Attribute) (cty.Value, bool) {
	if attr == nil {
		return cty.NullVal(cty.DynamicPseudoType), true
	}
	v := hcleval.Plain(b.Eval(attr.Expr))
	if !v.IsWhollyKnown() || v.ContainsMarked() {
		return cty.NilVal, false
	}
	return v, true
}

// text evaluates a string argument: "" when absent or null.
func text(b *config.Body, attr *hcl.Attribute) (string, bool) {
	v, ok := known(b, attr)
	if !ok {
		return "", false
	}
	if v.IsNull() {
		return "", true
	}
	return config.ToString(v)
}

// texts evaluates a list or set of strings: empty when absent or null. Repeated items
// are kept once, as in the provider's sets.
func texts(b *config.Body, attr *hcl.Attribute) ([]string, bool) {
	v, ok := known(b, attr)
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
