package standalone

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/fargate-lint/tflint-ruleset-fargate/project"
)

// Config is the part of a tflint configuration file the fargate rules depend on, merged
// with the command line: the `config {}` block, the rule blocks and the fargate plugin
// block. Blocks of other plugins are read (so a malformed one fails as in tflint) and
// otherwise ignored.
type Config struct {
	// CallModuleType is "all", "local" (the default) or "none".
	CallModuleType    string
	Force             bool
	DisabledByDefault bool
	Format            string
	Varfiles          []string
	Variables         []string
	Only              []string
	Rules             map[string]*RuleConfig
	// Plugin is the fargate plugin block; nil when the file has none.
	Plugin *PluginConfig
}

// RuleConfig is one rule block, or a rule named by --enable-rule, --disable-rule or
// --only (then Body is nil).
type RuleConfig struct {
	Name      string   `hcl:"name,label"`
	Enabled   bool     `hcl:"enabled"`
	Ignorable *bool    `hcl:"ignorable,optional"`
	Body      hcl.Body `hcl:",remain"`
}

// ignorable reports whether ignore comments may silence the rule.
func (r *RuleConfig) ignorable() bool {
	return r == nil || r.Ignorable == nil || *r.Ignorable
}

// PluginConfig is a plugin block; Body holds the plugin's own attributes (preset).
type PluginConfig struct {
	Name       string   `hcl:"name,label"`
	Enabled    bool     `hcl:"enabled"`
	Version    string   `hcl:"version,optional"`
	Source     string   `hcl:"source,optional"`
	Signature  string   `hcl:"signature,optional"`
	SigningKey string   `hcl:"signing_key,optional"`
	Body       hcl.Body `hcl:",remain"`
}

// fileSchema is the top level of a configuration file.
var fileSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "tflint"},
	{Type: "config"},
	{Type: "rule", LabelNames: []string{"name"}},
	{Type: "plugin", LabelNames: []string{"name"}},
}}

// configBlockSchema is the `config {}` block. plugin_dir and ignore_module are read
// and have no effect here; module is refused as tflint refuses it.
var configBlockSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "call_module_type"}, {Name: "force"}, {Name: "ignore_module"}, {Name: "varfile"},
	{Name: "variables"}, {Name: "disabled_by_default"}, {Name: "plugin_dir"}, {Name: "format"},
	{Name: "module"},
}}

var formatNames = []string{"default", "json", "checkstyle", "junit", "compact", "sarif"}

// commandLineFormats are the formats --format takes: tflint's, and codeclimate, which
// tflint does not have (so a configuration file, which tflint reads too, cannot set it).
var commandLineFormats = append(append([]string{}, formatNames...), "codeclimate")

// defaultConfig is the configuration when there is no file.
func defaultConfig() *Config {
	return &Config{CallModuleType: "local", Rules: map[string]*RuleConfig{}}
}

// LoadConfig finds and reads the configuration file as tflint does from dir, the folder
// being linted: the file named by --config (relative to dir), else $TFLINT_CONFIG_FILE,
// else .tflint.hcl or .tflint.json in dir, else the same in the home folder, else none.
func LoadConfig(dir, name string) (*Config, error) {
	if name == "" {
		name = os.Getenv("TFLINT_CONFIG_FILE")
	}
	if name != "" {
		src, err := os.ReadFile(resolve(dir, name))
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = &fs.PathError{Op: "open", Path: name, Err: pe.Err}
			}
			return nil, fmt.Errorf("cannot read the configuration file: %w", err)
		}
		return parseConfig(name, src)
	}
	candidates := []string{filepath.Join(dir, ".tflint.hcl"), filepath.Join(dir, ".tflint.json")}
	if home, err := os.UserHomeDir(); err == nil {
		candidates = append(candidates, filepath.Join(home, ".tflint.hcl"), filepath.Join(home, ".tflint.json"))
	}
	for _, c := range candidates {
		if src, err := os.ReadFile(c); err == nil {
			return parseConfig(c, src)
		}
	}
	return defaultConfig(), nil
}

// resolve returns path relative to dir, unless it is absolute.
func resolve(dir, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
}

// parseConfig reads a configuration file's text; a .json name is read as HCL's JSON
// syntax.
func parseConfig(name string, src []byte) (*Config, error) {
	p := hclparse.NewParser()
	var file *hcl.File
	var diags hcl.Diagnostics
	if filepath.Ext(name) == ".json" {
		file, diags = p.ParseJSON(src, name)
	} else {
		file, diags = p.ParseHCL(src, name)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	content, diags := file.Body.Content(fileSchema)
	if diags.HasErrors() {
		return nil, diags
	}
	cfg := defaultConfig()
	for _, block := range content.Blocks {
		var err error
		switch block.Type {
		case "config":
			err = cfg.readConfigBlock(block)
		case "rule":
			rule := &RuleConfig{}
			if diags := gohcl.DecodeBody(block.Body, nil, rule); diags.HasErrors() {
				return nil, diags
			}
			rule.Name = block.Labels[0]
			cfg.Rules[rule.Name] = rule
		case "plugin":
			err = cfg.readPluginBlock(block)
		}
		// The tflint block (required_version) is about tflint's version: not checked.
		if err != nil {
			return nil, err
		}
	}
	return cfg, nil
}

// readConfigBlock reads the `config {}` block.
func (c *Config) readConfigBlock(block *hcl.Block) error {
	inner, diags := block.Body.Content(configBlockSchema)
	if diags.HasErrors() {
		return diags
	}
	decode := func(attr *hcl.Attribute, target any) error {
		if diags := gohcl.DecodeExpression(attr.Expr, nil, target); diags.HasErrors() {
			return diags
		}
		return nil
	}
	for name, attr := range inner.Attributes {
		var err error
		switch name {
		case "call_module_type":
			if err = decode(attr, &c.CallModuleType); err == nil {
				err = checkCallModuleType(c.CallModuleType)
			}
		case "force":
			err = decode(attr, &c.Force)
		case "varfile":
			err = decode(attr, &c.Varfiles)
		case "variables":
			err = decode(attr, &c.Variables)
		case "disabled_by_default":
			err = decode(attr, &c.DisabledByDefault)
		case "format":
			if err = decode(attr, &c.Format); err == nil && c.Format != "" && !slices.Contains(formatNames, c.Format) {
				err = fmt.Errorf("format %q is not one of %s", c.Format, strings.Join(formatNames, ", "))
			}
		case "ignore_module":
			var ignored map[string]bool
			err = decode(attr, &ignored)
		case "plugin_dir":
			var dir string
			err = decode(attr, &dir)
		case "module":
			err = errors.New(`the config block's "module" attribute is gone from tflint since v0.54.0: write call_module_type instead`)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// checkCallModuleType refuses a call_module_type tflint does not know.
func checkCallModuleType(s string) error {
	switch s {
	case "all", "local", "none":
		return nil
	}
	return fmt.Errorf(`call_module_type %q is not one of "all", "local", "none"`, s)
}

// readPluginBlock reads a plugin block and keeps it when it is the fargate plugin's.
func (c *Config) readPluginBlock(block *hcl.Block) error {
	plugin := &PluginConfig{}
	if diags := gohcl.DecodeBody(block.Body, nil, plugin); diags.HasErrors() {
		return diags
	}
	plugin.Name = block.Labels[0]
	if err := plugin.validate(); err != nil {
		return err
	}
	if plugin.Name == project.Name {
		c.Plugin = plugin
	}
	return nil
}

// validate checks what tflint checks of every plugin block before installing it.
func (p *PluginConfig) validate() error {
	switch {
	case p.Version != "" && p.Source == "":
		return fmt.Errorf(`plugin %q: a version needs a source`, p.Name)
	case p.Source != "" && p.Version == "":
		return fmt.Errorf(`plugin %q: a source needs a version`, p.Name)
	case p.Source != "" && len(strings.Split(p.Source, "/")) != 3:
		return fmt.Errorf(`plugin %q: source must have the form host/owner/repo`, p.Name)
	}
	signatures := []string{"auto", "attestation", "pgp", "none"}
	if p.Signature != "" && !slices.Contains(signatures, p.Signature) {
		return fmt.Errorf(`plugin %q: signature %q is not one of %s`, p.Name, p.Signature, strings.Join(signatures, ", "))
	}
	if p.Signature != "" && p.SigningKey != "" && (p.Signature == "attestation" || p.Signature == "none") {
		return fmt.Errorf(`plugin %q: a signing_key has no use with signature %q`, p.Name, p.Signature)
	}
	return nil
}
