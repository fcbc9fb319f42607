package ruleset

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

type fakeRule struct {
	tflint.DefaultRule
	name        string
	recommended bool
	check       func(tflint.Runner) error
}

func (r *fakeRule) Name() string              { return r.name }
func (r *fakeRule) Enabled() bool             { return r.recommended }
func (r *fakeRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *fakeRule) Check(runner tflint.Runner) error {
	if r.check != nil {
		return r.check(runner)
	}
	return nil
}

func newTestRuleSet() *RuleSet {
	return New([]tflint.Rule{
		&fakeRule{name: "fargate_a", recommended: true},
		&fakeRule{name: "fargate_b", recommended: true},
		&fakeRule{name: "fargate_opinion"},
	})
}

func presetContent(t *testing.T, preset string) *hclext.BodyContent {
	t.Helper()
	content := &hclext.BodyContent{Attributes: hclext.Attributes{}}
	if preset != "" {
		expr, diags := hclsyntax.ParseExpression([]byte(`"`+preset+`"`), ".tflint.hcl", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		content.Attributes["preset"] = &hclext.Attribute{Name: "preset", Expr: expr}
	}
	return content
}

func enabledNames(rs *RuleSet) []string {
	var out []string
	for _, r := range rs.EnabledRules {
		out = append(out, r.Name())
	}
	return out
}

func TestPresets(t *testing.T) {
	cases := []struct {
		name   string
		preset string
		config *tflint.Config
		want   []string
	}{
		{"default is recommended", "", &tflint.Config{}, []string{"fargate_a", "fargate_b"}},
		{"all", "all", &tflint.Config{}, []string{"fargate_a", "fargate_b", "fargate_opinion"}},
		{"rule block disables", "all", &tflint.Config{Rules: map[string]*tflint.RuleConfig{"fargate_a": {Name: "fargate_a", Enabled: false}}}, []string{"fargate_b", "fargate_opinion"}},
		{"rule block enables outside the preset", "", &tflint.Config{Rules: map[string]*tflint.RuleConfig{"fargate_opinion": {Name: "fargate_opinion", Enabled: true}}}, []string{"fargate_a", "fargate_b", "fargate_opinion"}},
		{"only", "all", &tflint.Config{Only: []string{"fargate_b"}}, []string{"fargate_b"}},
		{"disabled by default", "", &tflint.Config{DisabledByDefault: true, Rules: map[string]*tflint.RuleConfig{"fargate_b": {Name: "fargate_b", Enabled: true}}}, []string{"fargate_b"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rs := newTestRuleSet()
			if err := rs.ApplyGlobalConfig(tc.config); err != nil {
				t.Fatal(err)
			}
			if err := rs.ApplyConfig(presetContent(t, tc.preset)); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, enabledNames(rs)); diff != "" {
				t.Errorf("enabled rules (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUnknownPreset(t *testing.T) {
	rs := newTestRuleSet()
	if err := rs.ApplyGlobalConfig(&tflint.Config{}); err != nil {
		t.Fatal(err)
	}
	err := rs.ApplyConfig(presetContent(t, "strict"))
	if err == nil || !strings.Contains(err.Error(), `unknown preset "strict"`) || !strings.Contains(err.Error(), `"all" and "recommended"`) {
		t.Errorf("want an error naming the valid presets, got %v", err)
	}
}

func TestGuardKeepsLaterRulesRunning(t *testing.T) {
	var ran []string
	rs := New([]tflint.Rule{
		&fakeRule{name: "fargate_panics", recommended: true, check: func(tflint.Runner) error { panic("boom") }},
		&fakeRule{name: "fargate_fails", recommended: true, check: func(tflint.Runner) error { return errors.New("bad") }},
		&fakeRule{name: "fargate_works", recommended: true, check: func(tflint.Runner) error { ran = append(ran, "works"); return nil }},
	})
	if err := rs.ApplyGlobalConfig(&tflint.Config{}); err != nil {
		t.Fatal(err)
	}
	runner, _ := rs.NewRunner(helper.TestRunner(t, map[string]string{"main.tf": ""}))
	for _, r := range rs.EnabledRules {
		if err := r.Check(runner); err != nil {
			t.Errorf("%s: the guard let an error through: %v", r.Name(), err)
		}
	}
	if diff := cmp.Diff([]string{"works"}, ran); diff != "" {
		t.Errorf("rules after a failing one must still run:\n%s", diff)
	}
}
