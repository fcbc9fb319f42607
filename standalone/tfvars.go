package standalone

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// givenValues are the values the root module's variables are given, by name.
type givenValues map[string]cty.Value

// envValues reads TF_VAR_name environment variables, the lowest of the given values.
func envValues(vars map[string]*variable) (givenValues, hcl.Diagnostics) {
	out := givenValues{}
	var diags hcl.Diagnostics
	for _, kv := range os.Environ() {
		key, text, _ := strings.Cut(kv, "=")
		name, ok := strings.CutPrefix(key, "TF_VAR_")
		if !ok {
			continue
		}
		v, d := parseGiven(vars[name], name, text)
		diags = append(diags, d...)
		if !d.HasErrors() {
			out[name] = v
		}
	}
	return out, diags
}

// valuesFiles returns the values files to read, in increasing precedence:
// terraform.tfvars, then *.auto.tfvars and *.auto.tfvars.json of dir in lexical order,
// then the files named by the config's varfile and --var-file (relative to dir).
func valuesFiles(dir string, named []string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var auto []string
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && (strings.HasSuffix(n, ".auto.tfvars") || strings.HasSuffix(n, ".auto.tfvars.json")) {
			auto = append(auto, n)
		}
	}
	sort.Strings(auto)
	var files []string
	if info, err := os.Stat(filepath.Join(dir, "terraform.tfvars")); err == nil && !info.IsDir() {
		files = append(files, "terraform.tfvars")
	}
	files = append(files, auto...)
	return append(files, named...), nil
}

// readValuesFile reads the attributes of a .tfvars (or .tfvars.json) file as values;
// path is where it is on disk, name how messages name it.
func readValuesFile(path, name string) (givenValues, hcl.Diagnostics) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cannot read a variables file",
			Detail:   fmt.Sprintf("Reading %q: %s.", name, errorText(err)),
			Subject:  &hcl.Range{},
		}}
	}
	file, diags := parseFile(name, src)
	if diags.HasErrors() {
		return nil, diags
	}
	attrs, d := file.Body.JustAttributes()
	diags = append(diags, d...)
	out := givenValues{}
	for n, a := range attrs {
		v, d := a.Expr.Value(nil)
		diags = append(diags, d...)
		out[n] = v
	}
	return out, diags
}

// errorText says why a file could not be read.
func errorText(err error) string {
	if os.IsNotExist(err) {
		return "the file does not exist"
	}
	return err.Error()
}

// cliValues reads the `name=value` assignments of the config's variables and of --var.
// Each must name a declared variable.
func cliValues(assignments []string, vars map[string]*variable) (givenValues, hcl.Diagnostics) {
	out := givenValues{}
	var diags hcl.Diagnostics
	for _, a := range assignments {
		name, text, ok := strings.Cut(a, "=")
		if !ok {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Variable assignment without =",
				Detail:   fmt.Sprintf("%q does not assign a variable: write name=value.", a),
				Subject:  &hcl.Range{Filename: "<input-value>", Start: hcl.InitialPos, End: hcl.InitialPos},
			})
			continue
		}
		v := vars[name]
		if v == nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Value for a variable the module does not declare",
				Detail:   fmt.Sprintf("%q is given a value, but the root module declares no variable %q.", name, name),
				Subject:  &hcl.Range{Filename: fmt.Sprintf("<value for var.%s>", name), Start: hcl.InitialPos, End: hcl.InitialPos},
			})
			continue
		}
		val, d := parseGiven(v, name, text)
		diags = append(diags, d...)
		if !d.HasErrors() {
			out[name] = val
		}
	}
	return out, diags
}

// overlay returns the values of layers, a later layer winning.
func overlay(layers ...givenValues) givenValues {
	out := givenValues{}
	for _, l := range layers {
		for k, v := range l {
			out[k] = v
		}
	}
	return out
}

// collectValues gathers what the root module's variables are given, lowest precedence
// first: TF_VAR_ variables, values files, then the config's variables and --var.
func collectValues(abs, prefix string, vars map[string]*variable, cfg *Config) (givenValues, error) {
	env, diags := envValues(vars)
	if diags.HasErrors() {
		return nil, fmt.Errorf("reading TF_VAR_ variables: %w", diags)
	}
	files, err := valuesFiles(abs, cfg.Varfiles)
	if err != nil {
		return nil, fmt.Errorf("reading variable files: %w", err)
	}
	layers := []givenValues{env}
	for _, f := range files {
		vals, d := readValuesFile(resolve(abs, f), filepath.Join(prefix, f))
		diags = append(diags, d...)
		layers = append(layers, vals)
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("reading variable files: %w", diags)
	}
	cli, diags := cliValues(cfg.Variables, vars)
	if diags.HasErrors() {
		return nil, fmt.Errorf("reading variable values: %w", diags)
	}
	return overlay(append(layers, cli)...), nil
}
