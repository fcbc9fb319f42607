package standalone

import (
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/project"
)

// Merge lays the command line over the file, with tflint's precedence: an option that is
// given wins over the file, lists add up (file first), --only disables every rule it does
// not name, and --enable-rule/--disable-rule change only the enabled flag of a rule block.
func (c *Config) Merge(o *Options) {
	if o.CallModuleType != nil {
		c.CallModuleType = *o.CallModuleType
	}
	if o.Force != nil {
		c.Force = *o.Force
	}
	if o.Format != "" {
		c.Format = o.Format
	}
	if len(o.Only) > 0 {
		c.DisabledByDefault = true
	}
	for _, vf := range o.Varfiles {
		c.Varfiles = append(c.Varfiles, strings.Split(vf, ",")...)
	}
	c.Variables = append(c.Variables, o.Variables...)
	c.Only = append(c.Only, o.Only...)
	set := func(name string, enabled bool) {
		if rule, ok := c.Rules[name]; ok {
			rule.Enabled = enabled
			return
		}
		c.Rules[name] = &RuleConfig{Name: name, Enabled: enabled}
	}
	// --only and --enable-rule first, so --disable-rule wins over both.
	for _, name := range append(append([]string{}, o.Only...), o.EnableRules...) {
		set(name, true)
	}
	for _, name := range o.DisableRules {
		set(name, false)
	}
	for _, name := range o.EnablePlugins {
		if name != project.Name {
			continue
		}
		if c.Plugin == nil {
			c.Plugin = &PluginConfig{Name: name}
		}
		c.Plugin.Enabled = true
	}
}

// pluginEnabled reports whether the fargate rules run: always, unless the fargate plugin
// block says enabled = false. (tflint would not run them without the block at all; here
// they are the point.)
func (c *Config) pluginEnabled() bool {
	return c.Plugin == nil || c.Plugin.Enabled
}

// ruleSetConfig is the global configuration the rule set receives, as tflint hands it
// to a plugin.
func (c *Config) ruleSetConfig(fix bool) *tflint.Config {
	cfg := &tflint.Config{
		Rules:             map[string]*tflint.RuleConfig{},
		DisabledByDefault: c.DisabledByDefault,
		Only:              c.Only,
		Fix:               fix,
	}
	for name, rule := range c.Rules {
		cfg.Rules[name] = &tflint.RuleConfig{Name: name, Enabled: rule.Enabled}
	}
	return cfg
}
