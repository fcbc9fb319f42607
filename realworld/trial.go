package main

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
)

// trialOptions are the flags of `realworld trial`.
type trialOptions struct {
	Entries                     []entry
	Cache, Work, TFLint, Plugin string
	Only                        string
	Review                      string // trial-review.md: the verdict on each finding
}

// verdict is the hand review of one finding.
type verdict struct {
	True bool
	Why  string
}

// reviewKey names a finding in trial-review.md: repository, file:line and rule.
func reviewKey(repo string, i issue) string {
	return fmt.Sprintf("%s %s:%d %s", repo, i.File, i.Line, i.Rule)
}

// readReview reads the rows `| repository | file:line | rule | true/false | why |`
// of trial-review.md.
func readReview(path string) map[string]verdict {
	out := map[string]verdict{}
	f, err := os.Open(path)
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cells := strings.Split(strings.TrimSpace(sc.Text()), "|")
		if len(cells) < 7 {
			continue
		}
		for i := range cells {
			cells[i] = strings.Trim(strings.TrimSpace(cells[i]), "`")
		}
		v := strings.ToLower(cells[4])
		if v != "true" && v != "false" {
			continue
		}
		out[cells[1]+" "+cells[2]+" "+cells[3]] = verdict{True: v == "true", Why: cells[5]}
	}
	return out
}

// trial lints each repository with --recursive, after installing the modules every
// folder calls, and prints each finding with its verdict and the table per repository.
func trial(o trialOptions) error {
	recallEntries, err := readList(filepath.Join(filepath.Dir(o.Review), "recall.txt"))
	if err != nil {
		return err
	}
	reg := newRegistry(recallEntries, o.Cache)
	if err := os.MkdirAll(o.Work, 0o755); err != nil {
		return err
	}
	linters, err := setupLinters(o.Work, o.TFLint, o.Plugin)
	if err != nil {
		return err
	}
	review := readReview(o.Review)
	type row struct {
		repo                      string
		folders, findings, t, f   int
		unreviewed, disagreements int
		errs                      []string
	}
	var rows []row
	for _, e := range o.Entries {
		if o.Only != "" && o.Only != e.Repo {
			continue
		}
		src := filepath.Join(o.Cache, e.Dir())
		if _, err := os.Stat(src); err != nil {
			fmt.Printf("%s: not in the cache (%s); run realworld fill\n", e.Repo, src)
			continue
		}
		dst := filepath.Join(o.Work, "trial", e.Dir())
		os.RemoveAll(dst)
		if err := copyTree(src, dst); err != nil {
			return err
		}
		r := row{repo: e.Repo}
		for _, dir := range rootFolders(dst) {
			r.folders++
			notes, err := install(reg, dir)
			if err != nil {
				return err
			}
			for _, n := range notes {
				rel, _ := filepath.Rel(dst, dir)
				fmt.Printf("  %s/%s: %s\n", e.Repo, rel, n)
			}
		}
		var results [][]issue
		for _, l := range linters {
			issues, errs, err := l.run(dst, true)
			if err != nil {
				r.errs = append(r.errs, err.Error())
			}
			for _, e := range errs {
				r.errs = append(r.errs, l.Name+": "+e)
			}
			results = append(results, issues)
		}
		issues := results[0]
		if !sameIssues(results[0], results[1]) {
			r.disagreements++
			fmt.Printf("  %s: tflint and standalone disagree (%d vs %d findings)\n", e.Repo, len(results[0]), len(results[1]))
			for _, i := range diffIssues(results[0], results[1]) {
				fmt.Println("    tflint only:", i)
			}
			for _, i := range diffIssues(results[1], results[0]) {
				fmt.Println("    standalone only:", i)
			}
		}
		for _, i := range issues {
			r.findings++
			v, ok := review[reviewKey(e.Repo, i)]
			mark := "unreviewed"
			switch {
			case !ok:
				r.unreviewed++
			case v.True:
				r.t++
				mark = "true"
			default:
				r.f++
				mark = "false: " + v.Why
			}
			fmt.Printf("  | %s | %s:%d | %s | %s | %s\n", e.Repo, i.File, i.Line, i.Rule, mark, i.Message)
		}
		for _, msg := range r.errs {
			fmt.Printf("  %s: error: %s\n", e.Repo, msg)
		}
		rows = append(rows, r)
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "\nrepository\tfolders\tfindings\ttrue\tfalse\tunreviewed\terrors\ttflint≠standalone")
	var tot row
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", r.repo, r.folders, r.findings, r.t, r.f, r.unreviewed, len(r.errs), r.disagreements)
		tot.folders += r.folders
		tot.findings += r.findings
		tot.t += r.t
		tot.f += r.f
		tot.unreviewed += r.unreviewed
		tot.disagreements += r.disagreements
		tot.errs = append(tot.errs, r.errs...)
	}
	fmt.Fprintf(w, "total (%d repositories)\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", len(rows), tot.folders, tot.findings, tot.t, tot.f, tot.unreviewed, len(tot.errs), tot.disagreements)
	return w.Flush()
}

// rootFolders lists the folders under dir holding .tf files, skipping hidden folders
// (.terraform, .git, ...), as tflint --recursive visits them.
func rootFolders(dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if tf, _ := filepath.Glob(filepath.Join(p, "*.tf")); len(tf) > 0 {
				out = append(out, p)
			}
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// diffIssues returns the findings of a that b lacks.
func diffIssues(a, b []issue) []issue {
	have := map[string]int{}
	for _, i := range b {
		have[i.String()]++
	}
	var out []issue
	for _, i := range a {
		if have[i.String()] > 0 {
			have[i.String()]--
			continue
		}
		out = append(out, i)
	}
	return out
}
