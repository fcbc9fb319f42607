package standalone

import (
	"fmt"
	"path/filepath"
)

// fileFilter is what --filter keeps: nil keeps everything.
type fileFilter map[string]bool

// filterFiles reads the --filter patterns as tflint does: each is a glob relative to
// the linted folder at abs; a pattern that matches nothing stays as it is written. The
// names are then joined with dir, the folder as given to --chdir, to compare with the
// names of findings.
func filterFiles(abs, dir string, patterns []string) (fileFilter, error) {
	if len(patterns) == 0 {
		return nil, nil
	}
	out := fileFilter{}
	for _, p := range patterns {
		matches, err := filepath.Glob(resolve(abs, p))
		if err != nil {
			return nil, fmt.Errorf("--filter: %w", err)
		}
		if len(matches) == 0 {
			out[filepath.Join(dir, p)] = true
		}
		for _, m := range matches {
			if !filepath.IsAbs(p) {
				m, _ = filepath.Rel(abs, m)
			}
			out[filepath.Join(dir, m)] = true
		}
	}
	return out, nil
}

// keeps reports whether a finding or a fix in the named file is reported.
func (f fileFilter) keeps(name string) bool {
	return f == nil || f[filepath.Clean(name)]
}
