package standalone

import (
	"errors"
	"github.com/fargate-lint/tflint-ruleset-fargate/ignore"
	"maps"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// Runner is the tflint.Runner the rules check a module through, over the files read from
// disk. It answers for the root module, the one linted (the model reads the modules it
// calls by itself), collects the findings, and keeps the edits of fixes.
type Runner struct {
	mod        *moduleFiles
	originalwd string
	inputs     *inputs
	ignores    map[string][]ignore.Comment
	rules      map[string]*RuleConfig
	fix        bool
	fixer      *fixer
	issues     []*Issue
	// changed are the files fixes rewrote, with their new text; fixedInRound says
	// whether a fix changed a file in the current round of --fix.
	changed      map[string][]byte
	fixedInRound bool
	// workdir, when set, is the folder rules run in (the model reads OpenTofu files
	// from the folder it runs in when tflint gives it no files).
	workdir string
}

var _ tflint.Runner = (*Runner)(nil)

// GetOriginalwd returns the directory the linter was started in.
func (r *Runner) GetOriginalwd() (string, error) {
	return r.originalwd, nil
}

// GetModulePath returns the root module's path: the linted module is always the root.
func (r *Runner) GetModulePath() (addrs.Module, error) {
	return addrs.Module{}, nil
}

// GetModuleContent extracts what schema names from the module's files. Blocks are not
// expanded (count, for_each and dynamic are the model's to expand), whatever the option.
func (r *Runner) GetModuleContent(schema *hclext.BodySchema, _ *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	content, diags := r.mod.content(schema)
	if diags.HasErrors() {
		return content, diags
	}
	return content, nil
}

// GetResourceContent extracts the resources of one type.
func (r *Runner) GetResourceContent(name string, schema *hclext.BodySchema, opt *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	return r.labelled("resource", []string{"type", "name"}, name, schema, opt)
}

// GetProviderContent extracts the provider blocks of one provider.
func (r *Runner) GetProviderContent(name string, schema *hclext.BodySchema, opt *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	return r.labelled("provider", []string{"name"}, name, schema, opt)
}

// labelled extracts the blocks of a type whose first label is name.
func (r *Runner) labelled(typ string, labels []string, name string, schema *hclext.BodySchema, opt *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	all, err := r.GetModuleContent(&hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: typ, LabelNames: labels, Body: schema}}}, opt)
	if err != nil {
		return nil, err
	}
	out := &hclext.BodyContent{Blocks: hclext.Blocks{}}
	for _, b := range all.Blocks {
		if b.Labels[0] == name {
			out.Blocks = append(out.Blocks, b)
		}
	}
	return out, nil
}

// GetFile returns a parsed file of the module, or nil. It is safe for concurrent use.
func (r *Runner) GetFile(name string) (*hcl.File, error) {
	return r.mod.files[name], nil
}

// GetFiles returns the parsed files of the module by name.
func (r *Runner) GetFiles() (map[string]*hcl.File, error) {
	return maps.Clone(r.mod.files), nil
}

// DecodeRuleConfig decodes a rule block's own attributes into ret.
func (r *Runner) DecodeRuleConfig(name string, ret any) error {
	content, err := r.ruleConfigContent(name, hclext.ImpliedBodySchema(ret))
	if err != nil || content.IsEmpty() {
		return err
	}
	if diags := hclext.DecodeBody(content, nil, ret); diags.HasErrors() {
		return diags
	}
	return nil
}

// ruleConfigContent extracts a rule block's own attributes.
func (r *Runner) ruleConfigContent(name string, schema *hclext.BodySchema) (*hclext.BodyContent, error) {
	cfg := r.rules[name]
	if cfg == nil {
		return &hclext.BodyContent{}, nil
	}
	body := cfg.Body
	if body == nil {
		body = hcl.EmptyBody()
	}
	content, diags := hclext.Content(body, schema)
	if diags.HasErrors() {
		if cfg.Body == nil {
			return nil, errors.New("this rule needs settings, which a rule block gives and --enable-rule cannot")
		}
		return content, diags
	}
	return content, nil
}

// EmitIssue records a finding, unless an ignore comment silences it.
func (r *Runner) EmitIssue(rule tflint.Rule, message string, rng hcl.Range) error {
	r.emit(rule, message, rng, false)
	return nil
}

// EmitIssueWithFix records a fixable finding. With --fix, the fix is kept when the
// finding is not ignored; a fix that returns tflint.ErrFixNotSupported makes the finding
// not fixable.
func (r *Runner) EmitIssueWithFix(rule tflint.Rule, message string, rng hcl.Range, fix func(tflint.Fixer) error) error {
	r.fixer.save()
	err := fix(r.fixer)
	fixable := !errors.Is(err, tflint.ErrFixNotSupported)
	reported := r.emit(rule, message, rng, fixable)
	if !r.fix || !fixable || !reported {
		r.fixer.restore()
		return nil
	}
	return err
}

// emit records a finding and reports whether it was kept.
func (r *Runner) emit(rule tflint.Rule, message string, rng hcl.Range, fixable bool) bool {
	if r.rules[rule.Name()].ignorable() {
		for _, c := range r.ignores[rng.Filename] {
			if c.Covers(rule.Name(), rng.Start.Line) {
				return false
			}
		}
	}
	r.issues = append(r.issues, &Issue{
		Rule: rule.Name(), Severity: rule.Severity(), Link: rule.Link(),
		Message: message, Range: rng, Fixable: fixable,
		Source: r.mod.sources[rng.Filename],
	})
	return true
}

// EnsureNoError runs proc when err is nil, and hides the errors of values that cannot
// be known statically.
func (r *Runner) EnsureNoError(err error, proc func() error) error {
	switch {
	case err == nil:
		return proc()
	case errors.Is(err, tflint.ErrUnknownValue), errors.Is(err, tflint.ErrNullValue),
		errors.Is(err, tflint.ErrSensitive), errors.Is(err, tflint.ErrEphemeral),
		errors.Is(err, tflint.ErrUnevaluable):
		return nil
	}
	return err
}

// applyFixes formats and applies the changes the last rule's fixes made, so the next
// rule sees them.
func (r *Runner) applyFixes() error {
	if !r.fixer.hasChanges() {
		return nil
	}
	r.fixer.formatChanges()
	changed := r.fixer.commit()
	r.fixedInRound = true
	for name, src := range changed {
		if diags := r.mod.replace(name, src); diags.HasErrors() {
			return diags
		}
		r.changed[name] = src
	}
	return nil
}
