package standalone

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sync"

	"github.com/fargate-lint/tflint-ruleset-fargate/ruleset"
)

// maxFixRounds bounds the rounds of linting --fix runs while fixes keep changing files.
const maxFixRounds = 10

// checkMu serialises rule checks: the model keeps caches shared by every module it
// builds, so two modules are never checked at the same time (reading and parsing files,
// the slow part, still runs in parallel).
var checkMu sync.Mutex

// result is what linting one folder gives.
type result struct {
	issues []*Issue
	// changes are the files --fix rewrote, with their new text, by name.
	changes map[string][]byte
	// files maps file names to where they are on disk, for writing fixes.
	files map[string]string
	cfg   *Config
	// sources are the texts of the module's files, for reports to quote.
	sources map[string][]byte
	// skipped is true for a folder --recursive passes over: no Terraform files.
	skipped bool
	// fileFormat is the format the configuration file sets, "" for none.
	fileFormat string
}

// lintDir lints the module in dir as `tflint --chdir=dir` lints it: the configuration
// and the paths given on the command line are read from dir, and file names in the
// report are relative to wd, the directory the linter was started in. In recursive mode
// a folder without Terraform files is passed over. The result is never nil: on an error
// it holds what was read so far.
func lintDir(wd, dir string, o *Options, recursive bool) (*result, error) {
	res := &result{}
	abs := resolve(wd, dir)
	if info, err := os.Stat(abs); err != nil || !info.IsDir() {
		if err == nil {
			err = fmt.Errorf("%s is not a folder", dir)
		}
		return res, fmt.Errorf("--chdir: %w", err)
	}
	cfg, err := LoadConfig(abs, o.Config)
	if err != nil {
		return res, fmt.Errorf("reading the configuration: %w", err)
	}
	res.fileFormat = cfg.Format
	cfg.Merge(o)
	res.cfg = cfg
	if recursive {
		if names, _ := terraformFiles(abs); len(names) == 0 {
			res.skipped = true
			return res, nil
		}
	}
	prefix, err := filepath.Rel(wd, abs)
	if err != nil {
		return res, fmt.Errorf("naming the module's files: %w", err)
	}
	mod, diags := readModule(abs, prefix)
	if mod != nil {
		res.sources = mod.sources
	}
	if diags.HasErrors() {
		return res, fmt.Errorf("Failed to load the root module; %w", diags)
	}
	vars, diags := declaredVariables(mod)
	if diags.HasErrors() {
		return res, fmt.Errorf("Failed to load the root module; %w", diags)
	}
	ignores, err := readIgnores(mod)
	if err != nil {
		return res, err
	}
	given, err := collectValues(abs, prefix, vars, cfg)
	if err != nil {
		return res, err
	}
	in := newInputs(vars, given)
	if diags, called := checkModuleCalls(mod, vars, in, abs, prefix, wd, cfg.CallModuleType); diags.HasErrors() {
		// The called modules' files too, for the report to quote.
		res.sources = maps.Clone(res.sources)
		maps.Copy(res.sources, called)
		return res, fmt.Errorf("Failed to build configurations; %w", diags)
	}
	rs, err := newRuleSet(cfg, o.Fix)
	if err != nil || rs == nil {
		return res, err
	}
	filter, err := filterFiles(abs, dir, o.Filter)
	if err != nil {
		return res, err
	}
	runner := &Runner{
		mod: mod, originalwd: wd, inputs: in, ignores: ignores,
		rules: cfg.Rules, fix: o.Fix, changed: map[string][]byte{},
	}
	if len(mod.files) == 0 && !recursive {
		// OpenTofu files only, which tflint does not read but the model does, from the
		// folder it runs in: tflint runs the plugin in the linted folder.
		runner.workdir = abs
	}
	if res.issues, err = rounds(rs, runner, filter); err != nil {
		return res, err
	}
	res.changes, res.files = map[string][]byte{}, map[string]string{}
	for name, src := range runner.changed {
		if filter.keeps(name) {
			res.changes[name] = src
			res.files[name] = filepath.Join(abs, filepath.Base(name))
		}
	}
	return res, nil
}

// rounds checks the module once, or with --fix until the fixes change nothing more, and
// returns the findings filter keeps: all of the first round, and the fixable ones of the
// rounds after it (what fixes may have changed).
func rounds(rs *ruleset.RuleSet, r *Runner, filter fileFilter) ([]*Issue, error) {
	var issues []*Issue
	for round := 1; ; round++ {
		if round > maxFixRounds {
			return nil, fmt.Errorf("--fix gave up after %d rounds: the fixes keep changing the files, so none is written. A fix may not fix its finding, or keep making new ones", maxFixRounds)
		}
		r.issues = nil
		r.fixer = newFixer(r.mod.sources)
		r.fixedInRound = false
		if err := check(rs, r); err != nil {
			return nil, err
		}
		for _, is := range r.issues {
			if filter.keeps(is.Range.Filename) && (round == 1 || is.Fixable) {
				issues = append(issues, is)
			}
		}
		if !r.fix || !r.fixedInRound {
			return issues, nil
		}
	}
}

// check runs every enabled rule over the module once, applying each rule's fixes before
// the next rule runs.
func check(rs *ruleset.RuleSet, r *Runner) error {
	checkMu.Lock()
	defer checkMu.Unlock()
	if r.workdir != "" {
		back, err := os.Getwd()
		if err != nil {
			return err
		}
		if err := os.Chdir(r.workdir); err != nil {
			return err
		}
		defer func() { _ = os.Chdir(back) }()
	}
	runner, err := rs.NewRunner(r)
	if err != nil {
		return err
	}
	for _, rule := range rs.BuiltinImpl().EnabledRules {
		if err := rule.Check(runner); err != nil {
			return fmt.Errorf("checking rule %s: %w", rule.Name(), err)
		}
		if err := r.applyFixes(); err != nil {
			return fmt.Errorf("applying the fixes of rule %s: %w", rule.Name(), err)
		}
	}
	return nil
}
