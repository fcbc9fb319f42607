package standalone

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/fargate-lint/tflint-ruleset-fargate/internal/testcase"
)

// writeFiles writes files (name → text) into a new temporary folder and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// copyCase copies an end-to-end case of ../testdata into a temporary folder.
func copyCase(t *testing.T, name string) string {
	t.Helper()
	return testcase.Copy(t, filepath.Join("..", "testdata", name))
}

// lint runs the linter in-process in dir with args, and returns what it printed and its
// exit status. It changes the working directory, so tests using it are not parallel.
func lint(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	t.Chdir(dir)
	var out, errOut bytes.Buffer
	code = Run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

var (
	binaryOnce sync.Once
	binaryDir  string
	binaryErr  error
)

// TestMain removes the binary the tests built.
func TestMain(m *testing.M) {
	code := m.Run()
	if binaryDir != "" {
		_ = os.RemoveAll(binaryDir)
	}
	os.Exit(code)
}

// binary builds the tflint-ruleset-fargate binary once per test run, into a folder that
// also serves as tflint's plugin folder.
func binary(t *testing.T) string {
	t.Helper()
	binaryOnce.Do(func() {
		binaryDir, binaryErr = os.MkdirTemp("", "fargate-standalone-")
		if binaryErr != nil {
			return
		}
		out, err := exec.Command("go", "build", "-o", filepath.Join(binaryDir, binaryName()), "..").CombinedOutput()
		if err != nil {
			binaryErr = fmt.Errorf("building the binary: %v\n%s", err, out)
		}
	})
	if binaryErr != nil {
		t.Fatal(binaryErr)
	}
	return filepath.Join(binaryDir, binaryName())
}

func binaryName() string {
	if runtime.GOOS == "windows" {
		return "tflint-ruleset-fargate.exe"
	}
	return "tflint-ruleset-fargate"
}

// tflintBinary returns the pinned tflint ($TFLINT, else the Makefile's), or skips the
// test when there is none.
func tflintBinary(t *testing.T) string {
	t.Helper()
	path := os.Getenv("TFLINT")
	if path == "" {
		path = filepath.Join("..", ".tools", "tflint-v0.64.0", "bin", "tflint")
	}
	abs, err := filepath.Abs(path)
	if err == nil {
		_, err = exec.LookPath(abs)
	}
	if err != nil {
		t.Skipf("tflint not found at %s (run make tools or set TFLINT): the comparison with tflint is skipped", path)
	}
	return abs
}

// cleanEnv is the environment without tflint's plugin handshake variable, so that the
// binary lints on its own.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TFLINT_RULESET_PLUGIN=") {
			env = append(env, kv)
		}
	}
	return env
}

// execIn runs a command in dir and returns its stdout, stderr and exit status.
func execIn(t *testing.T, dir string, env []string, name string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); ok {
		return out.String(), errOut.String(), exit.ExitCode()
	}
	if err != nil {
		t.Fatalf("running %s: %v", name, err)
	}
	return out.String(), errOut.String(), 0
}

// runTFLint runs the pinned tflint with this binary as its fargate plugin.
func runTFLint(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	tflint := tflintBinary(t)
	env := append(cleanEnv(), "TFLINT_PLUGIN_DIR="+filepath.Dir(binary(t)))
	return execIn(t, dir, env, tflint, args...)
}

// runStandalone runs the binary on its own.
func runStandalone(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	return execIn(t, dir, cleanEnv(), binary(t), args...)
}
