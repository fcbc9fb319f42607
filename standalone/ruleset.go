package standalone

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"

	"github.com/fargate-lint/tflint-ruleset-fargate/project"
	"github.com/fargate-lint/tflint-ruleset-fargate/rules"
	"github.com/fargate-lint/tflint-ruleset-fargate/ruleset"
)

// newRuleSet prepares the fargate rule set as tflint prepares a plugin: the global
// configuration, then the plugin block. It returns nil when the plugin is disabled.
func newRuleSet(cfg *Config, fix bool) (*ruleset.RuleSet, error) {
	if !cfg.pluginEnabled() {
		return nil, nil
	}
	rs := ruleset.New(rules.All())
	if err := rs.ApplyGlobalConfig(cfg.ruleSetConfig(fix)); err != nil {
		return nil, fmt.Errorf("configuring the %s rules: %w", project.Name, err)
	}
	content := &hclext.BodyContent{}
	if cfg.Plugin != nil && cfg.Plugin.Body != nil {
		var diags hcl.Diagnostics
		if content, diags = hclext.Content(cfg.Plugin.Body, rs.ConfigSchema()); diags.HasErrors() {
			return nil, fmt.Errorf("reading the %s plugin block: %w", project.Name, diags)
		}
	}
	if err := rs.ApplyConfig(content); err != nil {
		return nil, fmt.Errorf("configuring the %s rules: %w", project.Name, err)
	}
	if err := checkRuleNames(cfg, rs.RuleNames()); err != nil {
		return nil, fmt.Errorf("rule settings: %w", err)
	}
	return rs, nil
}

// checkRuleNames refuses a rule setting for a fargate rule that does not exist. Rules
// of other plugins are not known here and are left alone.
func checkRuleNames(cfg *Config, known []string) error {
	names := map[string]bool{}
	for _, n := range known {
		names[n] = true
	}
	for name := range cfg.Rules {
		if !names[name] && isFargateRule(name) {
			return fmt.Errorf("no rule %s in the %s rule set", name, project.Name)
		}
	}
	return nil
}

// isFargateRule reports whether a rule name is the fargate rule set's by its prefix.
func isFargateRule(name string) bool {
	return strings.HasPrefix(name, project.Name+"_") && len(name) > len(project.Name)+1
}
