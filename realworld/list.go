package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// entry is one line of recall.txt or trial.txt: a public repository at a pinned ref.
type entry struct {
	Repo     string   // owner/name
	Ref      string   // tag or commit
	Path     string   // only this path of the ref is exported ("" = all)
	Group    string   // module version group of the recall table; "-" for a module only
	Examples []string // folder globs of root modules to lint
}

// Dir is the entry's folder name in the cache: owner+name@ref.
func (e entry) Dir() string {
	return strings.ReplaceAll(e.Repo, "/", "+") + "@" + shortRef(e.Ref)
}

// shortRef abbreviates a commit hash; tags stay as they are.
func shortRef(ref string) string {
	if len(ref) == 40 && strings.Trim(ref, "0123456789abcdef") == "" {
		return ref[:12]
	}
	return ref
}

// readList reads a list file: blank lines and # comments are skipped; fields are
// repository, ref[:path], then (recall lists) group and example globs.
func readList(path string) ([]entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []entry
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			return nil, fmt.Errorf("%s:%d: want repository and ref", path, n)
		}
		e := entry{Repo: fields[0], Ref: fields[1], Group: "-"}
		if ref, p, ok := strings.Cut(e.Ref, ":"); ok {
			e.Ref, e.Path = ref, p
		}
		if len(fields) > 2 {
			e.Group = fields[2]
		}
		if len(fields) > 3 {
			for _, g := range fields[3:] {
				if g != "-" {
					e.Examples = append(e.Examples, g)
				}
			}
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

// exampleDirs expands the entry's example globs inside its cached copy at root,
// returning paths relative to root; only folders holding .tf files count.
func (e entry) exampleDirs(root string) []string {
	var out []string
	for _, g := range e.Examples {
		matches, _ := filepath.Glob(filepath.Join(root, g))
		for _, m := range matches {
			tf, _ := filepath.Glob(filepath.Join(m, "*.tf"))
			if len(tf) == 0 {
				continue
			}
			rel, _ := filepath.Rel(root, m)
			out = append(out, rel)
		}
	}
	return out
}
