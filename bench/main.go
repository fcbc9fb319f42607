// Command bench measures what the plugin adds to a tflint run.
//
// It writes a module of Fargate stacks (package stacks), runs
// tflint over it alternately without any plugin and with the fargate plugin (all
// preset), and prints the median wall time of each and their ratio.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fargate-lint/tflint-ruleset-fargate/bench/stacks"
)

func main() {
	tflint := flag.String("tflint", ".tools/tflint-v0.64.0/bin/tflint", "tflint binary")
	plugin := flag.String("plugin", "tflint-ruleset-fargate", "plugin binary")
	count := flag.Int("stacks", 1000, "number of stacks")
	perFile := flag.Int("per-file", 50, "stacks per file")
	runs := flag.Int("runs", 7, "runs of each configuration")
	keep := flag.String("keep", "", "write the module into this folder and keep it")
	flag.Parse()

	dir := *keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "fargate-bench-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	if err := writeModule(dir, *count, *perFile); err != nil {
		log.Fatal(err)
	}
	pluginDir := filepath.Join(dir, ".plugins")
	if err := os.MkdirAll(pluginDir, 0o755); err != nil {
		log.Fatal(err)
	}
	if err := copyFile(*plugin, filepath.Join(pluginDir, "tflint-ruleset-fargate")); err != nil {
		log.Fatal(err)
	}
	baseCfg := "plugin \"terraform\" {\n  enabled = false\n}\n"
	withCfg := baseCfg + "plugin \"fargate\" {\n  enabled = true\n  preset  = \"all\"\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "base.hcl"), []byte(baseCfg), 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "with.hcl"), []byte(withCfg), 0o644); err != nil {
		log.Fatal(err)
	}

	tfl, err := filepath.Abs(*tflint)
	if err != nil {
		log.Fatal(err)
	}
	run := func(cfg string) time.Duration {
		cmd := exec.Command(tfl, "--config", cfg, "--format", "compact")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "TFLINT_PLUGIN_DIR="+pluginDir)
		start := time.Now()
		out, err := cmd.CombinedOutput()
		elapsed := time.Since(start)
		if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 2) {
			log.Fatalf("tflint --config %s: %v\n%s", cfg, err, out)
		}
		if strings.Contains(string(out), "Failed") {
			log.Fatalf("tflint --config %s:\n%s", cfg, out)
		}
		return elapsed
	}
	run("with.hcl") // warm the file cache and check the plugin loads
	var base, with []time.Duration
	for i := 0; i < *runs; i++ {
		base = append(base, run("base.hcl"))
		with = append(with, run("with.hcl"))
	}
	mb, mw := median(base), median(with)
	fmt.Printf("stacks: %d, %d per file, %d runs each\n", *count, *perFile, *runs)
	fmt.Printf("tflint without plugins:       median %v\n", mb.Round(time.Millisecond))
	fmt.Printf("tflint with fargate (all):    median %v\n", mw.Round(time.Millisecond))
	fmt.Printf("ratio: %.2f\n", float64(mw)/float64(mb))
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o755)
}

func writeModule(dir string, n, perFile int) error {
	for name, src := range stacks.Files(n, perFile) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			return err
		}
	}
	return nil
}
