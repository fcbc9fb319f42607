package standalone

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// content extracts what schema names from every file of the module: attributes and
// blocks of the primary files in file order, then the override files merged over them.
// Files are extracted in parallel.
func (m *moduleFiles) content(schema *hclext.BodySchema) (*hclext.BodyContent, hcl.Diagnostics) {
	parts := make([]*hclext.BodyContent, len(m.primaries))
	partDiags := make([]hcl.Diagnostics, len(m.primaries))
	eachParallel(len(m.primaries), func(i int) {
		parts[i], partDiags[i] = hclext.PartialContent(m.files[m.primaries[i]].Body, schema)
	})
	out := &hclext.BodyContent{Attributes: hclext.Attributes{}}
	var diags hcl.Diagnostics
	for i, c := range parts {
		diags = append(diags, partDiags[i]...)
		for name, attr := range c.Attributes {
			out.Attributes[name] = attr
		}
		out.Blocks = append(out.Blocks, c.Blocks...)
	}
	for _, name := range m.overrides {
		c, d := hclext.PartialContent(m.files[name].Body, schema)
		diags = append(diags, d...)
		for n, attr := range c.Attributes {
			out.Attributes[n] = attr
		}
		out.Blocks = mergeOverrides(out.Blocks, c.Blocks)
	}
	return out, diags
}

// address names a block as overriding matches it: its type and labels.
func address(b *hclext.Block) string {
	return strings.Join(append([]string{b.Type}, b.Labels...), ".")
}

// mergeOverrides merges the blocks of one override file over the primary blocks, in the
// way Terraform merges override files: an override block changes the first primary block
// with its address (its attributes replace the primary's; its nested blocks replace the
// primary's nested blocks of the same type). A locals override changes the local values
// it redefines; what no primary locals block defines stays as a block of its own when
// several primary locals blocks exist.
func mergeOverrides(primaries, overrides hclext.Blocks) hclext.Blocks {
	byAddress := map[string]hclext.Blocks{}
	for _, p := range primaries {
		byAddress[address(p)] = append(byAddress[address(p)], p)
	}
	var added hclext.Blocks
	for _, o := range overrides {
		targets := byAddress[address(o)]
		if o.Type == "locals" {
			if rest := overrideLocals(targets, o); rest != nil {
				added = append(added, rest)
			}
			continue
		}
		if len(targets) > 0 {
			overrideBlock(targets[0], o)
		}
	}
	return append(primaries, added...)
}

// overrideBlock merges one override block into its primary block.
func overrideBlock(primary, override *hclext.Block) {
	for name, attr := range override.Body.Attributes {
		primary.Body.Attributes[name] = attr
	}
	replaced := override.Body.Blocks.ByType()
	var kept hclext.Blocks
	for _, nested := range primary.Body.Blocks {
		if primary.Type == "resource" && nested.Type == "lifecycle" {
			// lifecycle settings merge one by one.
			for _, o := range replaced["lifecycle"] {
				for name, attr := range o.Body.Attributes {
					nested.Body.Attributes[name] = attr
				}
			}
			kept = append(kept, nested)
			continue
		}
		if _, ok := replaced[nested.Type]; !ok {
			kept = append(kept, nested)
		}
	}
	for _, nested := range override.Body.Blocks {
		if primary.Type != "resource" || nested.Type != "lifecycle" {
			kept = append(kept, nested)
		}
	}
	primary.Body.Blocks = kept
}

// overrideLocals merges a locals override block into the primary locals blocks, and
// returns the block of local values no primary defines, when they stay separate.
func overrideLocals(primaries hclext.Blocks, override *hclext.Block) *hclext.Block {
	several := len(primaries) > 1
	rest := hclext.Attributes{}
	for name, attr := range override.Body.Attributes {
		rest[name] = attr
	}
	for _, p := range primaries {
		for name, attr := range override.Body.Attributes {
			if _, defined := p.Body.Attributes[name]; defined || !several {
				p.Body.Attributes[name] = attr
				delete(rest, name)
			}
		}
	}
	if !several || len(rest) == 0 {
		return nil
	}
	override.Body.Attributes = rest
	return override
}
