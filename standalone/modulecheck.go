package standalone

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// maxModuleLevels is how deep module calls may nest before the check calls it a loop.
const maxModuleLevels = 10

// callSchema picks the module calls and their sources out of a module.
var callSchema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
	Type: "module", LabelNames: []string{"name"},
	Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "source"}}},
}}}

// moduleChecker checks that the modules a root module calls can be read, as tflint
// checks it before linting, so that a broken call fails here too: with
// call_module_type "local" (the default), every local module folder must exist and
// parse; with "all", remote modules must also be installed by `terraform init`; "none"
// checks nothing. Findings inside called modules are the model's business, not this.
type moduleChecker struct {
	rootAbs, prefix string
	callType        string
	installed       map[string]string
}

// checkModuleCalls checks the module calls of the root module read from rootAbs.
func checkModuleCalls(root *moduleFiles, rootAbs, prefix, callType string) hcl.Diagnostics {
	if callType == "none" {
		return nil
	}
	c := &moduleChecker{rootAbs: rootAbs, prefix: prefix, callType: callType, installed: installedModules(rootAbs)}
	return c.check(root, ".", nil)
}

// check checks the calls of mod, whose folder is dir relative to the root; path is
// the module's call path.
func (c *moduleChecker) check(mod *moduleFiles, dir string, path []string) hcl.Diagnostics {
	content, diags := mod.content(callSchema)
	if diags.HasErrors() {
		return diags
	}
	sort.SliceStable(content.Blocks, func(i, j int) bool { return content.Blocks[i].Labels[0] < content.Blocks[j].Labels[0] })
	for _, call := range content.Blocks {
		name := call.Labels[0]
		callPath := append(append([]string{}, path...), name)
		if len(callPath) > maxModuleLevels {
			return append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Modules nested too deep",
				Detail:   fmt.Sprintf("Module calls nest more than %d levels deep, which usually means a module calls itself.", maxModuleLevels),
				Subject:  call.DefRange.Ptr(),
			})
		}
		src := call.Body.Attributes["source"]
		if src == nil {
			continue
		}
		v, d := src.Expr.Value(nil)
		if d.HasErrors() || v.Type() != cty.String || !v.IsKnown() || v.IsNull() {
			continue
		}
		source := v.AsString()
		var childDir string
		switch {
		case strings.HasPrefix(source, "./") || strings.HasPrefix(source, "../"):
			childDir = filepath.Join(dir, filepath.FromSlash(source))
			if _, err := os.Stat(filepath.Join(c.rootAbs, childDir)); err != nil {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  fmt.Sprintf("Module %q not found", name),
					Detail:   fmt.Sprintf("Its folder %s does not exist or cannot be read.", filepath.Join(c.prefix, childDir)),
					Subject:  call.DefRange.Ptr(),
				})
				continue
			}
		case c.callType == "all":
			installed, ok := c.installed[strings.Join(callPath, ".")]
			if !ok {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  fmt.Sprintf("Module %q not installed", name),
					Detail:   "Run terraform init (or tofu init) to install it.",
					Subject:  call.DefRange.Ptr(),
				})
				continue
			}
			childDir = installed
		default:
			continue
		}
		child, d := readModule(filepath.Join(c.rootAbs, childDir), filepath.Join(c.prefix, childDir))
		diags = append(diags, d...)
		if child != nil && !d.HasErrors() {
			diags = append(diags, c.check(child, childDir, callPath)...)
		}
	}
	return diags
}

// installedModules reads where `terraform init` installed the root module's remote
// modules, by call path (a.b for module b called by module a), relative to the root.
func installedModules(rootAbs string) map[string]string {
	src, err := os.ReadFile(filepath.Join(rootAbs, ".terraform", "modules", "modules.json"))
	if err != nil {
		return nil
	}
	var manifest struct {
		Modules []struct{ Key, Dir string }
	}
	if json.Unmarshal(src, &manifest) != nil {
		return nil
	}
	out := map[string]string{}
	for _, m := range manifest.Modules {
		out[m.Key] = filepath.FromSlash(m.Dir)
	}
	return out
}
