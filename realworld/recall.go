package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"
)

// recallOptions are the flags of `realworld recall`.
type recallOptions struct {
	Entries                     []entry
	Cache, Work, TFLint, Plugin string
	Only                        string
	Jobs                        int
	Mutate, Verbose             bool
	PlantOwn                    bool // also plant into the repository's own modules (ownDirs)
}

// Classes of a mutant.
const (
	atLine     = "at the user's line"
	elsewhere  = "caught elsewhere"
	missed     = "missed"
	notMistake = "not a mistake"
)

// outcome is a mutant's class, with what was reported.
type outcome struct {
	Group, Example string
	M              mutant
	Class          string
	Found          []issue // new findings in the mutant
	Disagree       bool    // tflint and standalone answered differently
	Own            bool    // planted in the repository's own module, not in an example
}

// job is one example to lint.
type job struct {
	e   entry
	dir string // absolute example folder in the work copy
	rel string
}

// published is an example's lint as published: the findings of tflint with the plugin,
// and the extra arguments every lint of it takes.
type published struct {
	issues []issue
	extra  []string
}

// recall lints every example of the groups, then plants each operator at each place it
// applies to and classifies the mutants.
func recall(o recallOptions) error {
	reg := newRegistry(o.Entries, o.Cache)
	if err := os.MkdirAll(o.Work, 0o755); err != nil {
		return err
	}
	linters, err := setupLinters(o.Work, o.TFLint, o.Plugin)
	if err != nil {
		return err
	}
	var jobs []job
	for _, e := range o.Entries {
		if e.Group == "-" || (o.Only != "" && o.Only != e.Group) {
			continue
		}
		src := filepath.Join(o.Cache, e.Dir())
		if _, err := os.Stat(src); err != nil {
			fmt.Printf("%s: not in the cache (%s); run realworld fill\n", e.Group, src)
			continue
		}
		dst := filepath.Join(o.Work, "recall", e.Dir())
		os.RemoveAll(dst)
		if err := copyTree(src, dst); err != nil {
			return err
		}
		for _, rel := range e.exampleDirs(dst) {
			jobs = append(jobs, job{e, filepath.Join(dst, rel), rel})
		}
	}
	var mu sync.Mutex
	var outcomes []outcome
	var baseline []string
	bases := map[string]published{} // by example folder
	ch := make(chan job)
	var wg sync.WaitGroup
	for w := 0; w < max(1, o.Jobs); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range ch {
				lines, outs, base := runExample(reg, linters, j, o)
				mu.Lock()
				bases[j.dir] = base
				baseline = append(baseline, lines...)
				outcomes = append(outcomes, outs...)
				for _, oc := range outs {
					if o.Verbose || oc.Class == missed || oc.Class == elsewhere {
						fmt.Print(describe(oc))
					}
				}
				mu.Unlock()
			}
		}()
	}
	for _, j := range jobs {
		ch <- j
	}
	close(ch)
	wg.Wait()
	if o.Mutate && o.PlantOwn {
		outcomes = append(outcomes, plantOwn(linters, jobs, bases, o)...)
	}
	sort.Strings(baseline)
	fmt.Println("\nExamples as published (tflint with the plugin; standalone compared):")
	for _, l := range baseline {
		fmt.Println(l)
	}
	if o.Mutate {
		var groups []string
		for _, j := range jobs {
			if len(groups) == 0 || groups[len(groups)-1] != j.e.Group {
				groups = append(groups, j.e.Group)
			}
		}
		printTables(groups, outcomes)
	}
	return nil
}

// describe prints one mutant's result.
func describe(oc outcome) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %-16s %s/%s %s: %s", oc.Group, oc.M.Op, oc.Group, oc.Example, oc.M.Where, oc.Class)
	if oc.Class == notMistake {
		fmt.Fprintf(&b, " (%s)", oc.M.NotMistake)
	}
	if oc.Disagree {
		b.WriteString(" [tflint and standalone disagree]")
	}
	b.WriteString("\n")
	for _, i := range oc.Found {
		fmt.Fprintf(&b, "    new: %s\n", i)
	}
	return b.String()
}

// runExample installs the example's modules, lints it as published, then each mutant.
func runExample(reg registry, linters []linter, j job, o recallOptions) ([]string, []outcome, published) {
	name := j.e.Group + "/" + j.rel
	var lines []string
	notes, err := install(reg, j.dir)
	if err != nil {
		return []string{name + ": install: " + err.Error()}, nil, published{}
	}
	for _, n := range notes {
		lines = append(lines, name+": "+n)
	}
	// The examples' own test fixtures (cloudposse's terratest) give the values of root
	// variables that have no default.
	var extra []string
	fixtures, _ := filepath.Glob(filepath.Join(j.dir, "fixtures*.tfvars"))
	if len(fixtures) == 1 {
		extra = []string{"--var-file", filepath.Base(fixtures[0])}
		lines = append(lines, name+": with --var-file "+filepath.Base(fixtures[0]))
	}
	base := make([][]issue, len(linters))
	for i, l := range linters {
		issues, errs, err := l.run(j.dir, false, extra...)
		if err != nil {
			lines = append(lines, name+": "+err.Error())
		}
		for _, e := range errs {
			lines = append(lines, name+": "+l.Name+" error: "+e)
		}
		base[i] = issues
	}
	if !sameIssues(base[0], base[1]) {
		lines = append(lines, fmt.Sprintf("%s: tflint and standalone disagree: %v | %v", name, diffIssues(base[0], base[1]), diffIssues(base[1], base[0])))
	}
	for _, i := range base[0] {
		lines = append(lines, name+": finding "+i.String())
	}
	if len(base[0]) == 0 {
		lines = append(lines, name+": no finding")
	}
	pub := published{issues: base[0], extra: extra}
	if !o.Mutate {
		return lines, nil, pub
	}
	ex, err := loadExample(j.dir, j.e.Repo)
	if err != nil {
		return append(lines, name+": "+err.Error()), nil, pub
	}
	ex.OwnCalls = o.PlantOwn
	var outs []outcome
	for _, m := range ex.mutants() {
		oc := outcome{Group: j.e.Group, Example: j.rel, M: m}
		if m.NotMistake != "" {
			oc.Class = notMistake
			outs = append(outs, oc)
			continue
		}
		p := filepath.Join(j.dir, m.File)
		orig, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		if err := os.WriteFile(p, m.Src, 0o644); err != nil {
			continue
		}
		var found [][]issue
		for _, l := range linters {
			issues, _, _ := l.run(j.dir, false, extra...)
			found = append(found, issues)
		}
		os.WriteFile(p, orig, 0o644)
		oc.Disagree = !sameIssues(found[0], found[1])
		oc.Found = newIssues(found[0], base[0], m.File, orig, m.Src)
		oc.Class = classify(m, oc.Found)
		outs = append(outs, oc)
	}
	return lines, outs, pub
}

// newIssues returns the findings of the mutant that the published example lacks; the
// example's findings in the mutated file are matched by rule and message (lines move).
func newIssues(mut, base []issue, file string, orig, src []byte) []issue {
	have := map[string]int{}
	key := func(i issue) string {
		if i.File == file {
			return i.File + "|" + i.Rule + "|" + i.Message
		}
		return i.String()
	}
	for _, i := range base {
		have[key(i)]++
	}
	var out []issue
	for _, i := range mut {
		if have[key(i)] > 0 {
			have[key(i)]--
			continue
		}
		out = append(out, i)
	}
	return out
}

// classify places a mutant: a new finding on the lines the user edited (or, for an
// absence, in the object or block that lost it; for a removed resource, in any caller
// file) is "at the user's line"; any other new finding is "caught elsewhere".
func classify(m mutant, found []issue) string {
	if len(found) == 0 {
		return missed
	}
	for _, i := range found {
		if i.File != m.File && !(m.AnyCaller && path.Dir(i.File) == path.Dir(m.File)) {
			continue
		}
		if m.AnyCaller || (i.Line >= m.From && i.Line <= m.To) {
			return atLine
		}
	}
	return elsewhere
}

// printTables prints the classes per module version and per operator.
func printTables(groups []string, outs []outcome) {
	type counts map[string]int
	byGroup, byOp, bySite := map[string]counts{}, map[string]counts{}, map[string]counts{}
	for _, g := range groups {
		byGroup[g] = counts{}
	}
	for _, oc := range outs {
		if byGroup[oc.Group] == nil {
			byGroup[oc.Group] = counts{}
			groups = append(groups, oc.Group)
		}
		if byOp[oc.M.Op] == nil {
			byOp[oc.M.Op] = counts{}
		}
		site := "example files"
		if oc.Own {
			site = "own module files"
		}
		if bySite[site] == nil {
			bySite[site] = counts{}
		}
		byGroup[oc.Group][oc.Class]++
		byOp[oc.M.Op][oc.Class]++
		bySite[site][oc.Class]++
	}
	table := func(title string, keys []string, m map[string]counts) {
		w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(w, "%s\tmutants\tat line\telsewhere\tmissed\tnot a mistake\tat line %%\t\n", title)
		tot := counts{}
		for _, k := range keys {
			c := m[k]
			if c == nil {
				continue
			}
			fmt.Fprintln(w, row(k, c))
			for cl, n := range c {
				tot[cl] += n
			}
		}
		fmt.Fprintln(w, row("total", tot))
		w.Flush()
		fmt.Println()
	}
	fmt.Println("\nMutants per module version (at line % = at the user's line / mistakes):")
	table("group", groups, byGroup)
	var ops []string
	for _, op := range operators {
		ops = append(ops, op.Name)
	}
	fmt.Println("Mutants per operator:")
	table("operator", ops, byOp)
	if bySite["own module files"] != nil {
		fmt.Println("Mutants per site:")
		table("site", []string{"example files", "own module files"}, bySite)
	}
}

// row formats one table row.
func row(k string, c map[string]int) string {
	mistakes := c[atLine] + c[elsewhere] + c[missed]
	pct := "-"
	if mistakes > 0 {
		pct = fmt.Sprintf("%.0f%%", 100*float64(c[atLine])/float64(mistakes))
	}
	return fmt.Sprintf("%s\t%d\t%d\t%d\t%d\t%d\t%s\t", k, mistakes+c[notMistake], c[atLine], c[elsewhere], c[missed], c[notMistake], pct)
}
