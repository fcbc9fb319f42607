// Command bench measures what the plugin adds to a tflint run.
//
// It writes a module of Fargate stacks (package stacks), as plain resources or (with
// -variant modules) through a service module called with for_each, or (with -variant
// monorepo) a repository of many folders calling shared local modules (package
// monorepo) linted with --recursive; runs tflint over it alternately without any plugin
// and with the fargate plugin (all preset), and the plugin binary on its own
// (standalone, all preset), and prints the median wall time of each, the plugin's ratio
// to tflint alone and the standalone's.
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
	"github.com/fargate-lint/tflint-ruleset-fargate/internal/monorepo"
)

func main() {
	tflint := flag.String("tflint", ".tools/tflint-v0.64.0/bin/tflint", "tflint binary")
	plugin := flag.String("plugin", "tflint-ruleset-fargate", "plugin binary")
	count := flag.Int("stacks", 1000, "number of stacks")
	perFile := flag.Int("per-file", 50, "stacks per file")
	runs := flag.Int("runs", 7, "runs of each configuration")
	keep := flag.String("keep", "", "write the module into this folder and keep it")
	variant := flag.String("variant", "resources", "how the stacks are written: resources, modules (a service module called with for_each), or monorepo (folders calling shared modules, linted with --recursive)")
	teams := flag.Int("teams", 100, "monorepo: number of team folders (three module folders each)")
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
	files := stacks.Files(*count, *perFile)
	target := 0.50
	var extra []string
	switch *variant {
	case "modules":
		files = stacks.ModuleFiles(*count, *perFile)
	case "monorepo":
		files = monorepo.Files(monorepo.Options{Teams: *teams})
		// tflint starts a process per folder; the standalone linter reads them all in one.
		target = 0.15
		extra = []string{"--recursive"}
	}
	if err := writeModule(dir, files); err != nil {
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
	exec1 := func(bin string, env []string, cfg string) time.Duration {
		// An absolute --config: --recursive reads a relative one from each folder.
		cmd := exec.Command(bin, append([]string{"--config", filepath.Join(dir, cfg), "--format", "compact"}, extra...)...)
		cmd.Dir = dir
		cmd.Env = env
		start := time.Now()
		out, err := cmd.CombinedOutput()
		elapsed := time.Since(start)
		if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 2) {
			log.Fatalf("%s --config %s: %v\n%s", filepath.Base(bin), cfg, err, out)
		}
		if strings.Contains(string(out), "Failed") {
			log.Fatalf("%s --config %s:\n%s", filepath.Base(bin), cfg, out)
		}
		return elapsed
	}
	tflintEnv := append(os.Environ(), "TFLINT_PLUGIN_DIR="+pluginDir)
	run := func(cfg string) time.Duration { return exec1(tfl, tflintEnv, cfg) }
	// The plugin binary started by a person lints on its own (no tflint, no plugin
	// handshake variable in its environment).
	standaloneBin, err := filepath.Abs(*plugin)
	if err != nil {
		log.Fatal(err)
	}
	var standaloneEnv []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TFLINT_RULESET_PLUGIN=") {
			standaloneEnv = append(standaloneEnv, kv)
		}
	}
	standalone := func() time.Duration { return exec1(standaloneBin, standaloneEnv, "with.hcl") }

	run("with.hcl") // warm the file cache and check the plugin loads
	standalone()
	var base, with, alone []time.Duration
	for i := 0; i < *runs; i++ {
		base = append(base, run("base.hcl"))
		with = append(with, run("with.hcl"))
		alone = append(alone, standalone())
	}
	mb, mw, ma := median(base), median(with), median(alone)
	if *variant == "monorepo" {
		fmt.Printf("monorepo: %d folders of Terraform files (%d teams), --recursive, %d runs each\n", monorepo.Folders(files), *teams, *runs)
	} else {
		fmt.Printf("stacks: %d written as %s, %d per file, %d runs each\n", *count, *variant, *perFile, *runs)
	}
	fmt.Printf("tflint without plugins:       median %v\n", mb.Round(time.Millisecond))
	fmt.Printf("tflint with fargate (all):    median %v\n", mw.Round(time.Millisecond))
	fmt.Printf("standalone fargate (all):     median %v\n", ma.Round(time.Millisecond))
	fmt.Printf("ratio: %.2f\n", float64(mw)/float64(mb))
	fmt.Printf("standalone ratio: %.2f (target: at most %.2f of tflint alone)\n", float64(ma)/float64(mb), target)
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

func writeModule(dir string, files map[string]string) error {
	for name, src := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			return err
		}
	}
	return nil
}
