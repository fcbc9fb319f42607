package layers

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestViolations(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"base.go":   "package p\n\ntype T struct{ n int }\n\nconst limit = 3\n\nfunc (t *T) get() int { return t.n }\n",
		"mid.go":    "package p\n\nimport \"strings\"\n\nfunc mid(t *T) int { return t.get() + limit + len(strings.Fields(\"\")) }\n",
		"top.go":    "package p\n\nfunc top(t *T) int { return mid(t) }\n\nfunc (t *T) up() int { return top(t) }\n",
		"shadow.go": "package p\n\nfunc shadow() int {\n\ttop := 1\n\treturn top\n}\n",
		"x_test.go": "package p\n\nfunc helper() int { return top(nil) }\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name  string
		order []string
		want  []string
	}{
		{"foundations up", []string{"base.go", "shadow.go", "mid.go", "top.go"}, nil},
		{"a call upward", []string{"base.go", "shadow.go", "top.go", "mid.go"}, []string{"top.go uses mid of mid.go, listed after it"}},
		{"a method and a constant upward", []string{"mid.go", "base.go", "shadow.go", "top.go"},
			[]string{"mid.go uses T.get of base.go, listed after it", "mid.go uses limit of base.go, listed after it"}},
		{"a file left out", []string{"base.go", "mid.go", "top.go"}, []string{"shadow.go is not in the order"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Violations(dir, tc.order)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
		})
	}
}
