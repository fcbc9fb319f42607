package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// ownDirs finds the repository's own modules that the entry's examples call by relative
// path (directly or through each other): folders of the work copy at root, outside every
// example folder and outside .terraform. It maps each folder to the examples calling it.
func ownDirs(root string, js []job) map[string][]job {
	out := map[string][]job{}
	inExample := func(dir string) bool {
		for _, j := range js {
			if dir == j.dir || strings.HasPrefix(dir, j.dir+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}
	for _, j := range js {
		seen := map[string]bool{}
		var walk func(dir string, depth int)
		walk = func(dir string, depth int) {
			if depth > 12 || seen[dir] {
				return
			}
			seen[dir] = true
			for _, c := range moduleCalls(dir) {
				if !strings.HasPrefix(c.Source, "./") && !strings.HasPrefix(c.Source, "../") {
					continue
				}
				child := filepath.Clean(filepath.Join(dir, c.Source))
				rel, err := filepath.Rel(root, child)
				if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) ||
					strings.Contains(filepath.ToSlash(rel)+"/", ".terraform/") {
					continue // outside the repository, or an installed module
				}
				if !inExample(child) && !seen[child] {
					out[child] = append(out[child], j)
				}
				walk(child, depth+1)
			}
		}
		walk(j.dir, 0)
	}
	return out
}

// plantOwn plants every operator into the .tf files of the repositories' own modules,
// one mutant at a time, and lints the examples that call the module (as published
// otherwise). A mutant counts once, with its best class over those examples: a new
// finding on the lines the edit wrote in the module's file is "at the user's line".
// Repositories run in parallel; the examples of one repository share its module, so
// they run one after the other.
func plantOwn(linters []linter, jobs []job, bases map[string]published, o recallOptions) []outcome {
	byRepo := map[string][]job{}
	var roots []string
	for _, j := range jobs {
		root := filepath.Clean(strings.TrimSuffix(j.dir, j.rel))
		if byRepo[root] == nil {
			roots = append(roots, root)
		}
		byRepo[root] = append(byRepo[root], j)
	}
	var mu sync.Mutex
	var outs []outcome
	ch := make(chan string)
	var wg sync.WaitGroup
	for w := 0; w < max(1, o.Jobs); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for root := range ch {
				res := plantRepo(linters, root, byRepo[root], bases)
				mu.Lock()
				outs = append(outs, res...)
				for _, oc := range res {
					if o.Verbose || oc.Class == missed || oc.Class == elsewhere {
						fmt.Print(describe(oc))
					}
				}
				mu.Unlock()
			}
		}()
	}
	for _, r := range roots {
		ch <- r
	}
	close(ch)
	wg.Wait()
	return outs
}

// rank orders the classes of a mutant from worst to best.
var rank = map[string]int{missed: 1, elsewhere: 2, atLine: 3}

// plantRepo plants into one repository's own modules.
func plantRepo(linters []linter, root string, js []job, bases map[string]published) []outcome {
	dirs := ownDirs(root, js)
	var keys []string
	for d := range dirs {
		keys = append(keys, d)
	}
	sort.Strings(keys)
	var outs []outcome
	for _, dir := range keys {
		rel, _ := filepath.Rel(root, dir)
		ex, err := loadExample(dir, js[0].e.Repo)
		if err != nil {
			continue
		}
		ex.OwnCalls = true
		for _, m := range ex.mutants() {
			oc := outcome{Group: js[0].e.Group, Example: "module " + filepath.ToSlash(rel), M: m, Own: true}
			if m.NotMistake != "" {
				oc.Class = notMistake
				outs = append(outs, oc)
				continue
			}
			p := filepath.Join(dir, m.File)
			orig, err := os.ReadFile(p)
			if err != nil || os.WriteFile(p, m.Src, 0o644) != nil {
				continue
			}
			tried := 0
			for _, j := range dirs[dir] {
				base, ok := bases[j.dir]
				if !ok {
					continue
				}
				tried++
				var found [][]issue
				for _, l := range linters {
					issues, _, _ := l.run(j.dir, false, base.extra...)
					found = append(found, issues)
				}
				mm := m
				f, _ := filepath.Rel(j.dir, p)
				mm.File = filepath.ToSlash(f)
				newFound := newIssues(found[0], base.issues, mm.File, orig, m.Src)
				class := classify(mm, newFound)
				if rank[class] > rank[oc.Class] {
					oc.Class, oc.Found, oc.Disagree = class, newFound, !sameIssues(found[0], found[1])
					oc.M.Where = m.Where + " (via " + j.rel + ")"
				}
				if class == atLine {
					break
				}
			}
			os.WriteFile(p, orig, 0o644)
			if oc.Class == missed {
				oc.M.Where = fmt.Sprintf("%s (in %d examples)", m.Where, tried)
			}
			if oc.Class != "" {
				outs = append(outs, oc)
			}
		}
	}
	return outs
}
