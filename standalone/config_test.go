package standalone

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseConfig(t *testing.T) {
	cfg, err := parseConfig(".tflint.hcl", []byte(`
tflint {
  required_version = ">= 0.50"
}

config {
  call_module_type    = "all"
  force               = true
  disabled_by_default = true
  format              = "compact"
  varfile             = ["a.tfvars"]
  variables           = ["region=eu-west-1"]
  ignore_module       = { "x" = true }
  plugin_dir          = "~/.tflint.d/plugins"
}

plugin "aws" {
  enabled = true
  version = "0.40.0"
  source  = "github.com/terraform-linters/tflint-ruleset-aws"
  deep_check = true
}

plugin "fargate" {
  enabled = true
  preset  = "all"
}

rule "fargate_task_role" {
  enabled = false
}

rule "aws_instance_invalid_type" {
  enabled   = true
  ignorable = false
}
`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.CallModuleType != "all" || !cfg.Force || !cfg.DisabledByDefault || cfg.Format != "compact" {
		t.Errorf("config block read as %+v", cfg)
	}
	if diff := cmp.Diff([]string{"a.tfvars"}, cfg.Varfiles); diff != "" {
		t.Error(diff)
	}
	if diff := cmp.Diff([]string{"region=eu-west-1"}, cfg.Variables); diff != "" {
		t.Error(diff)
	}
	if cfg.Plugin == nil || cfg.Plugin.Name != "fargate" || !cfg.Plugin.Enabled || cfg.Plugin.Body == nil {
		t.Fatalf("fargate plugin block read as %+v", cfg.Plugin)
	}
	if r := cfg.Rules["fargate_task_role"]; r == nil || r.Enabled || !r.ignorable() {
		t.Errorf("rule fargate_task_role read as %+v", r)
	}
	if r := cfg.Rules["aws_instance_invalid_type"]; r == nil || !r.Enabled || r.ignorable() {
		t.Errorf("rule aws_instance_invalid_type read as %+v", r)
	}
}

func TestParseConfigErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`config { format = "yaml" }`, `format "yaml" is not one of`},
		{`config { call_module_type = "some" }`, `call_module_type "some"`},
		{`config { module = true }`, "call_module_type instead"},
		{`config { unknown = 1 }`, "Unsupported argument"},
		{`plugin "fargate" {}`, `"enabled" is required`},
		{`rule "fargate_task_role" {}`, `"enabled" is required`},
		{`plugin "x" {
  enabled = true
  version = "1.0.0"
}`, "a version needs a source"},
		{`plugin "x" {
  enabled = true
  source  = "github.com/a/b"
}`, "a source needs a version"},
		{`plugin "x" {
  enabled = true
  source  = "a/b"
  version = "1.0.0"
}`, "host/owner/repo"},
		{`plugin "x" {
  enabled   = true
  signature = "gpg"
}`, `signature "gpg"`},
		{`unknown {}`, "Unsupported block type"},
		{`config {`, "Unclosed configuration block"},
	} {
		_, err := parseConfig(".tflint.hcl", []byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.src, err, c.want)
		}
	}
}

func TestParseConfigJSON(t *testing.T) {
	cfg, err := parseConfig(".tflint.json", []byte(`{"plugin": {"fargate": {"enabled": true, "preset": "all"}}, "rule": {"fargate_task_role": {"enabled": false}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Plugin == nil || !cfg.Plugin.Enabled || cfg.Rules["fargate_task_role"] == nil {
		t.Errorf("JSON configuration read as %+v", cfg)
	}
}

// TestLoadConfigSearch checks the order in which the configuration file is found: the
// --config file (relative to the linted folder), $TFLINT_CONFIG_FILE, .tflint.hcl then
// .tflint.json in the folder, then the same in the home folder, else the defaults.
func TestLoadConfigSearch(t *testing.T) {
	home := writeFiles(t, map[string]string{".tflint.json": `{"config": {"format": "json"}}`})
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	t.Setenv("TFLINT_CONFIG_FILE", "")
	dir := writeFiles(t, map[string]string{
		".tflint.hcl":  `config { format = "compact" }`,
		".tflint.json": `{"config": {"format": "junit"}}`,
		"other.hcl":    `config { format = "sarif" }`,
		"env.hcl":      `config { format = "checkstyle" }`,
	})
	formatOf := func(dir, name string) string {
		t.Helper()
		cfg, err := LoadConfig(dir, name)
		if err != nil {
			t.Fatal(err)
		}
		return cfg.Format
	}
	if got := formatOf(dir, "other.hcl"); got != "sarif" {
		t.Errorf("--config other.hcl: format %q", got)
	}
	if got := formatOf(dir, filepath.Join(dir, "other.hcl")); got != "sarif" {
		t.Errorf("--config with an absolute path: format %q", got)
	}
	if got := formatOf(dir, ""); got != "compact" {
		t.Errorf(".tflint.hcl in the folder: format %q", got)
	}
	t.Setenv("TFLINT_CONFIG_FILE", "env.hcl")
	if got := formatOf(dir, ""); got != "checkstyle" {
		t.Errorf("TFLINT_CONFIG_FILE: format %q", got)
	}
	if got := formatOf(dir, "other.hcl"); got != "sarif" {
		t.Errorf("--config wins over TFLINT_CONFIG_FILE: format %q", got)
	}
	t.Setenv("TFLINT_CONFIG_FILE", "")
	jsonOnly := writeFiles(t, map[string]string{".tflint.json": `{"config": {"format": "junit"}}`})
	if got := formatOf(jsonOnly, ""); got != "junit" {
		t.Errorf(".tflint.json in the folder: format %q", got)
	}
	empty := t.TempDir()
	if got := formatOf(empty, ""); got != "json" {
		t.Errorf("home folder's .tflint.json: format %q", got)
	}
	t.Setenv("HOME", t.TempDir())
	t.Setenv("USERPROFILE", t.TempDir())
	cfg, err := LoadConfig(empty, "")
	if err != nil || cfg.Format != "" || cfg.CallModuleType != "local" || cfg.Plugin != nil {
		t.Errorf("no file: %+v, %v", cfg, err)
	}
	if _, err := LoadConfig(empty, "missing.hcl"); err == nil || !strings.Contains(err.Error(), "missing.hcl") {
		t.Errorf("a missing --config file: error %v", err)
	}
}

// TestMerge checks the command line laid over the file, as tflint lays it.
func TestMerge(t *testing.T) {
	cfg, err := parseConfig(".tflint.hcl", []byte(`
config {
  varfile   = ["file.tfvars"]
  variables = ["a=1"]
}
rule "fargate_task_role" {
  enabled = false
  ignorable = false
}
`))
	if err != nil {
		t.Fatal(err)
	}
	force, none := true, "none"
	cfg.Merge(&Options{
		Format: "json", Force: &force, CallModuleType: &none,
		Varfiles: []string{"x.tfvars,y.tfvars"}, Variables: []string{"b=2"},
		Only: []string{"fargate_task_size"}, EnableRules: []string{"fargate_task_role"}, DisableRules: []string{"fargate_vpc_dns"},
		EnablePlugins: []string{"fargate", "aws"},
	})
	if cfg.Format != "json" || !cfg.Force || cfg.CallModuleType != "none" || !cfg.DisabledByDefault {
		t.Errorf("merged settings: %+v", cfg)
	}
	if diff := cmp.Diff([]string{"file.tfvars", "x.tfvars", "y.tfvars"}, cfg.Varfiles); diff != "" {
		t.Error(diff)
	}
	if diff := cmp.Diff([]string{"a=1", "b=2"}, cfg.Variables); diff != "" {
		t.Error(diff)
	}
	role := cfg.Rules["fargate_task_role"]
	if !role.Enabled || role.ignorable() || role.Body == nil {
		t.Errorf("--enable-rule must change only the enabled flag of a rule block: %+v", role)
	}
	if !cfg.Rules["fargate_task_size"].Enabled || cfg.Rules["fargate_vpc_dns"].Enabled {
		t.Errorf("--only and --disable-rule: %+v %+v", cfg.Rules["fargate_task_size"], cfg.Rules["fargate_vpc_dns"])
	}
	if cfg.Plugin == nil || !cfg.Plugin.Enabled {
		t.Errorf("--enable-plugin fargate: %+v", cfg.Plugin)
	}
	rs := cfg.ruleSetConfig(true)
	if !rs.Fix || !rs.DisabledByDefault || len(rs.Only) != 1 || rs.Rules["fargate_vpc_dns"].Enabled {
		t.Errorf("rule set configuration: %+v", rs)
	}
}

// TestPluginEnabled checks the rules run without a plugin block, and not when the block
// disables them.
func TestPluginEnabled(t *testing.T) {
	if !defaultConfig().pluginEnabled() {
		t.Error("without a fargate block the rules must run")
	}
	cfg, err := parseConfig(".tflint.hcl", []byte("plugin \"fargate\" {\n  enabled = false\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.pluginEnabled() {
		t.Error("enabled = false must turn the rules off")
	}
	cfg.Merge(&Options{EnablePlugins: []string{"fargate"}})
	if !cfg.pluginEnabled() {
		t.Error("--enable-plugin fargate must turn them on")
	}
}
