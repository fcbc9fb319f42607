package model

import (
	"testing"

	"github.com/fargate-lint/tflint-ruleset-fargate/internal/layers"
)

// TestLayers holds the files to the order the package doc reads them in: each builds
// only on those before it.
func TestLayers(t *testing.T) {
	v, err := layers.Violations(".", []string{"schema.go", "platform.go", "volumes.go", "serviceconnect.go", "efs.go",
		"taskdef.go", "portnames.go", "needs.go", "network.go", "bluegreen.go", "cluster.go", "routes.go", "endpoints.go",
		"policydoc.go", "data.go", "policy.go", "secgroups.go", "defaultgroup.go", "egressreach.go", "service.go",
		"instances.go", "callers.go", "model.go", "runner.go"})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range v {
		t.Error(x)
	}
}
