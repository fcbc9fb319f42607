package standalone

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/fargate-lint/tflint-ruleset-fargate/ignore"
)

// readIgnores reads the ignore comments of every file of the module.
func readIgnores(mod *moduleFiles) (map[string][]ignore.Comment, error) {
	out := map[string][]ignore.Comment{}
	var diags hcl.Diagnostics
	for _, name := range mod.names() {
		c, d := ignore.Comments(name, mod.sources[name])
		diags = append(diags, d...)
		if len(c) > 0 {
			out[name] = c
		}
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("reading ignore comments: %w", diags)
	}
	return out, nil
}
