// Package ruleset is the plugin's tflint rule set: presets, rule configuration, and a
// guard that keeps one rule's failure from ending the tflint run.
package ruleset

import (
	"fmt"
	"runtime/debug"
	"slices"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/logger"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
	"github.com/fargate-lint/tflint-ruleset-fargate/project"
)

// Preset names.
const (
	PresetRecommended = "recommended"
	PresetAll         = "all"
)

// RuleSet is the fargate rule set.
type RuleSet struct {
	tflint.BuiltinRuleSet

	global *tflint.Config
}

// New returns the rule set with rules, each guarded. A rule that is enabled by default
// belongs to the recommended preset; every rule belongs to all.
func New(rules []tflint.Rule) *RuleSet {
	guarded := make([]tflint.Rule, len(rules))
	for i, r := range rules {
		guarded[i] = &guardedRule{Rule: r}
	}
	return &RuleSet{BuiltinRuleSet: tflint.BuiltinRuleSet{
		Name:       project.Name,
		Version:    project.Version,
		Constraint: project.MinTFLintVersion,
		Rules:      guarded,
	}}
}

// ConfigSchema declares the plugin block's own attributes.
func (rs *RuleSet) ConfigSchema() *hclext.BodySchema {
	return &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "preset"}}}
}

// ApplyGlobalConfig keeps the global configuration and enables the recommended preset,
// until ApplyConfig reads the plugin block.
func (rs *RuleSet) ApplyGlobalConfig(config *tflint.Config) error {
	rs.global = config
	return rs.enable(PresetRecommended)
}

// ApplyConfig reads the plugin block's preset.
func (rs *RuleSet) ApplyConfig(content *hclext.BodyContent) error {
	preset := PresetRecommended
	if attr, ok := content.Attributes["preset"]; ok {
		v, diags := attr.Expr.Value(nil)
		if diags.HasErrors() || v.Type() != cty.String || v.IsNull() {
			return fmt.Errorf(`plugin "fargate": preset must be a string: one of %q, %q`, PresetRecommended, PresetAll)
		}
		preset = v.AsString()
	}
	return rs.enable(preset)
}

// enable works out the enabled rules: the preset's, then what --only, rule blocks,
// --enable-rule, --disable-rule and disabled_by_default say.
func (rs *RuleSet) enable(preset string) error {
	if preset != PresetRecommended && preset != PresetAll {
		return fmt.Errorf(`plugin "fargate": unknown preset %q; valid presets are %q and %q`, preset, PresetAll, PresetRecommended)
	}
	config := rs.global
	if config == nil {
		config = &tflint.Config{}
	}
	rs.EnabledRules = nil
	for _, rule := range rs.Rules {
		enabled := preset == PresetAll || rule.Enabled()
		switch cfg := config.Rules[rule.Name()]; {
		case len(config.Only) > 0:
			enabled = slices.Contains(config.Only, rule.Name())
		case cfg != nil:
			enabled = cfg.Enabled
		case config.DisabledByDefault:
			enabled = false
		}
		if enabled {
			rs.EnabledRules = append(rs.EnabledRules, rule)
		}
	}
	return nil
}

// NewRunner gives every rule of one module check the same model of the module.
func (rs *RuleSet) NewRunner(runner tflint.Runner) (tflint.Runner, error) {
	return model.NewRunner(runner, rs.global != nil && rs.global.Fix), nil
}

// guardedRule runs a rule so that neither a panic nor an error in it stops tflint or
// the rules after it. Both are logged (TFLINT_LOG=error shows them).
type guardedRule struct {
	tflint.Rule
}

// Check runs the rule.
func (g *guardedRule) Check(runner tflint.Runner) (err error) {
	defer func() {
		if p := recover(); p != nil {
			logger.Error(fmt.Sprintf("fargate: rule %s failed, its findings for this module are incomplete: %v\n%s", g.Name(), p, debug.Stack()))
			err = nil
		}
	}()
	if err := g.Rule.Check(runner); err != nil {
		logger.Error(fmt.Sprintf("fargate: rule %s failed, its findings for this module are incomplete: %s", g.Name(), err))
	}
	return nil
}
