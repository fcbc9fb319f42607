package config

import (
	"testing"

	"github.com/fargate-lint/tflint-ruleset-fargate/internal/layers"
)

// TestLayers holds the files to the order doc.go reads them in: each builds only on
// those before it.
func TestLayers(t *testing.T) {
	v, err := layers.Violations(".", []string{"doc.go", "config.go", "syntax.go", "schema.go", "origin.go", "load.go",
		"eval.go", "expand.go", "unwatched.go", "calls.go", "scope.go", "data.go", "module.go", "refs.go", "order.go", "values.go", "index.go",
		"json.go", "placement.go"})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range v {
		t.Error(x)
	}
}
