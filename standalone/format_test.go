package standalone

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/fargate-lint/tflint-ruleset-fargate/rules"
)

// The formats are compared with what the pinned tflint prints for the same case, with
// this binary as its plugin: the same text for the default and compact formats, the same
// JSON, checkstyle and JUnit documents, and the same SARIF but for the tool's name,
// address and version (the standalone linter names itself) and the rules' short
// descriptions (which tflint leaves empty). Where errors are reported,
// their wording is this package's own, so only the shape is compared.

// formatCases are the cases compared: findings of every severity, fixable findings,
// ignore comments, no findings, and findings in an OpenTofu file (tflint shows no excerpt).
var formatCases = []string{"service_rules", "autofix", "ignore_comment", "valid_stack", "module_call", "tofu_mixed"}

func TestFormatsMatchTFLint(t *testing.T) {
	for _, name := range formatCases {
		for _, format := range formatNames {
			t.Run(name+"/"+format, func(t *testing.T) {
				dir := copyCase(t, name)
				args := []string{"--config", ".tflint.hcl", "--format", format, "--no-color"}
				tfOut, tfErr, tfCode := runTFLint(t, dir, args...)
				saOut, saErr, saCode := runStandalone(t, dir, args...)
				if tfCode != saCode {
					t.Fatalf("exit status: tflint %d, standalone %d\n%s\n%s", tfCode, saCode, tfErr, saErr)
				}
				compareOutput(t, format, tfOut, saOut, false)
			})
		}
	}
}

// TestErrorFormatsMatchTFLint compares the shape of error reports: a configuration the
// rule set refuses (a plain error) and a file that does not parse (HCL diagnostics).
func TestErrorFormatsMatchTFLint(t *testing.T) {
	broken := map[string]string{
		".tflint.hcl": "plugin \"terraform\" {\n  enabled = false\n}\n\nplugin \"fargate\" {\n  enabled = true\n}\n",
		"main.tf":     "resource \"aws_ecs_service\" \"x\" {\n  name = \n}\n",
	}
	for _, format := range formatNames {
		t.Run("unknown_preset/"+format, func(t *testing.T) {
			dir := copyCase(t, "unknown_preset")
			args := []string{"--config", ".tflint.hcl", "--format", format, "--no-color"}
			tfOut, _, tfCode := runTFLint(t, dir, args...)
			saOut, _, saCode := runStandalone(t, dir, args...)
			if tfCode != 1 || saCode != 1 {
				t.Fatalf("exit status: tflint %d, standalone %d, want 1", tfCode, saCode)
			}
			compareOutput(t, format, tfOut, saOut, true)
		})
		t.Run("syntax_error/"+format, func(t *testing.T) {
			dir := writeFiles(t, broken)
			args := []string{"--config", ".tflint.hcl", "--format", format, "--no-color"}
			tfOut, _, tfCode := runTFLint(t, dir, args...)
			saOut, _, saCode := runStandalone(t, dir, args...)
			if tfCode != 1 || saCode != 1 {
				t.Fatalf("exit status: tflint %d, standalone %d, want 1", tfCode, saCode)
			}
			compareOutput(t, format, tfOut, saOut, true)
		})
	}
}

// compareOutput compares two reports of a format: exactly, or by shape when they hold
// errors (whose wording differs).
func compareOutput(t *testing.T, format, tflint, standalone string, errors bool) {
	t.Helper()
	switch format {
	case "json":
		want, got := decodeJSON(t, tflint), decodeJSON(t, standalone)
		if errors {
			want, got = jsonShape(want), jsonShape(got)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("JSON differs (-tflint +standalone):\n%s", diff)
		}
	case "sarif":
		want, got := decodeJSON(t, tflint), decodeJSON(t, standalone)
		for i, doc := range []any{want, got} {
			for _, run := range doc.(map[string]any)["runs"].([]any) {
				driver := run.(map[string]any)["tool"].(map[string]any)["driver"].(map[string]any)
				driver["name"] = strings.Replace(strings.Replace(driver["name"].(string), "tflint-ruleset-fargate", "TOOL", 1), "tflint", "TOOL", 1)
				driver["informationUri"], driver["version"] = "URI", "VERSION"
				// The standalone report describes each rule, where tflint's says nothing.
				for _, r := range driver["rules"].([]any) {
					rule := r.(map[string]any)
					desc := rule["shortDescription"].(map[string]any)
					if i == 1 {
						if want := ruleDescriptions[rule["id"].(string)]; strings.HasPrefix(rule["id"].(string), "fargate_") && desc["text"] != want {
							t.Errorf("SARIF rule %s: shortDescription %q, want %q", rule["id"], desc["text"], want)
						}
					}
					desc["text"] = "DESCRIPTION"
				}
			}
		}
		if errors {
			want, got = jsonShape(want), jsonShape(got)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("SARIF differs but for the tool (-tflint +standalone):\n%s", diff)
		}
	case "checkstyle", "junit":
		want, got := decodeXML(t, tflint, errors), decodeXML(t, standalone, errors)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("XML differs (-tflint +standalone):\n%s", diff)
		}
		if !strings.HasPrefix(standalone, xml.Header) {
			t.Errorf("the report does not start with the XML header:\n%s", standalone)
		}
	default:
		if errors {
			// Errors go to stderr in these formats; stdout holds no issue.
			if strings.Contains(standalone, "issue(s) found") != strings.Contains(tflint, "issue(s) found") {
				t.Errorf("stdout differs in kind:\ntflint:\n%s\nstandalone:\n%s", tflint, standalone)
			}
			return
		}
		if diff := cmp.Diff(tflint, standalone); diff != "" {
			t.Errorf("output differs (-tflint +standalone):\n%s", diff)
		}
	}
}

func decodeJSON(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, s)
	}
	return v
}

// jsonShape replaces a JSON value by its shape: objects keep their keys, arrays the
// distinct shapes of their elements, other values become their type's name.
func jsonShape(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range v {
			out[k] = jsonShape(e)
		}
		return out
	case []any:
		seen := map[string]any{}
		for _, e := range v {
			s := jsonShape(e)
			key, _ := json.Marshal(s)
			seen[string(key)] = s
		}
		keys := make([]string, 0, len(seen))
		for k := range seen {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		out := []any{}
		for _, k := range keys {
			out = append(out, seen[k])
		}
		return out
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}

// xmlNode is an XML element as compared: its name, attributes (names only for shapes),
// text and children.
type xmlNode struct {
	Name     string
	Attrs    map[string]string
	Text     string
	Children []*xmlNode
}

// decodeXML reads an XML document into nodes; with shape, attribute values and text are
// dropped, and identical children are kept once.
func decodeXML(t *testing.T, s string, shape bool) *xmlNode {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(s))
	root := &xmlNode{Name: "document"}
	stack := []*xmlNode{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not XML: %v\n%s", err, s)
		}
		top := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &xmlNode{Name: tok.Name.Local, Attrs: map[string]string{}}
			for _, a := range tok.Attr {
				if shape {
					n.Attrs[a.Name.Local] = ""
				} else {
					n.Attrs[a.Name.Local] = a.Value
				}
			}
			top.Children = append(top.Children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if !shape {
				top.Text += strings.TrimSpace(string(tok))
			}
		}
	}
	if shape {
		dedupe(root)
	}
	return root
}

// dedupe keeps one of each distinct child, recursively.
func dedupe(n *xmlNode) {
	seen := map[string]bool{}
	var kept []*xmlNode
	for _, c := range n.Children {
		dedupe(c)
		key, _ := json.Marshal(c)
		if !seen[string(key)] {
			seen[string(key)] = true
			kept = append(kept, c)
		}
	}
	n.Children = kept
}

// TestRuleDescriptions requires a one-line description for every rule of the rule set,
// for the SARIF report, and no description of a rule that does not exist.
func TestRuleDescriptions(t *testing.T) {
	names := map[string]bool{}
	for _, r := range rules.All() {
		names[r.Name()] = true
		if d := ruleDescriptions[r.Name()]; d == "" || strings.HasSuffix(d, ".") {
			t.Errorf("%s: short description %q: want one line without a final period", r.Name(), d)
		}
	}
	for name := range ruleDescriptions {
		if !names[name] {
			t.Errorf("a description for %s, which is not a rule", name)
		}
	}
}
