// Package testcase holds what the tests of several packages do with the end-to-end cases
// under testdata/.
package testcase

import (
	"os"
	"path/filepath"
	"testing"
)

// Copy copies the case folder dir into a temporary folder and returns it. The case's
// fixed/ folder (what --fix should make of the files) is left out: it is an expectation,
// not part of the module.
func Copy(t testing.TB, dir string) string {
	t.Helper()
	out := t.TempDir()
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			if rel == "fixed" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(out, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(out, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
