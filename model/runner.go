package model

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/logger"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// Runner wraps tflint's runner for one module check. It builds the module model once
// for every rule, and drops a finding a rule has already reported at the same place
// (instances of a count or for_each resource share their source).
type Runner struct {
	tflint.Runner

	module  *Model
	built   bool
	fix     bool
	emitted map[issueKey]bool
	fixed   map[issueKey]bool
}

type issueKey struct {
	rule, message string
	rng           hcl.Range
}

// NewRunner wraps runner. fix says whether tflint runs with --fix, in which case a rule's
// fixes change the files before the next rule runs.
func NewRunner(runner tflint.Runner, fix bool) *Runner {
	return &Runner{Runner: runner, fix: fix, emitted: map[issueKey]bool{}, fixed: map[issueKey]bool{}}
}

// Of returns the model of the module runner checks, or nil when it cannot be read; rules
// then have nothing to say. A runner that is not a *Runner (as in unit tests) gets a
// model of its own.
func Of(runner tflint.Runner) *Model {
	if r, ok := runner.(*Runner); ok {
		if !r.built {
			// Mark it built first: a model that panics is not tried again by every rule.
			r.built = true
			r.module = nil
			r.module = build(r.Runner)
		}
		return r.module
	}
	return build(runner)
}

func build(runner tflint.Runner) *Model {
	m, err := Build(runner)
	if err != nil {
		logger.Error("fargate: cannot read the module: " + err.Error())
		return nil
	}
	return m
}

// EmitIssue reports a finding once per rule, place and message, where the user fixes it
// (see Config.UserRange), unless an ignore comment tflint does not read silences it.
func (r *Runner) EmitIssue(rule tflint.Rule, message string, rng hcl.Range) error {
	rng, ignored := r.place(rule, rng)
	if ignored || r.seen(rule, message, rng) {
		return nil
	}
	return r.Runner.EmitIssue(rule, message, rng)
}

// place moves a finding to the user's code, and says whether a comment ignores it there.
func (r *Runner) place(rule tflint.Rule, rng hcl.Range) (hcl.Range, bool) {
	if r.module == nil {
		return rng, false
	}
	rng = r.module.Config.UserRange(rng)
	return rng, r.module.Config.Ignored(rule.Name(), rng)
}

// EmitIssueWithFix reports a fixable finding once per rule, place and message. Instances
// of a count or for_each resource share their source, so a place gets one fix: rules
// offer fixes that are right for every instance, and applying one twice would edit text
// that has already changed.
func (r *Runner) EmitIssueWithFix(rule tflint.Rule, message string, rng hcl.Range, fix func(tflint.Fixer) error) error {
	if r.module != nil && !r.module.Config.IsRootFile(rng.Filename) {
		// tflint writes fixes to the root module's files only.
		return r.EmitIssue(rule, message, rng)
	}
	if r.seen(rule, message, rng) {
		return nil
	}
	place := issueKey{rule: rule.Name(), rng: rng}
	if r.fixed[place] {
		return r.Runner.EmitIssue(rule, message, rng)
	}
	r.fixed[place] = true
	if r.fix {
		// The fix changes the files, so the next rule needs a fresh model.
		r.built = false
	}
	return r.Runner.EmitIssueWithFix(rule, message, rng, fix)
}

func (r *Runner) seen(rule tflint.Rule, message string, rng hcl.Range) bool {
	k := issueKey{rule.Name(), message, rng}
	if r.emitted[k] {
		return true
	}
	r.emitted[k] = true
	return false
}
