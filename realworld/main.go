// Command realworld measures the plugin on public Terraform code that is never committed:
//
//	realworld fill   -list FILE -mirror DIR -cache DIR   export the pinned refs into the cache
//	realworld recall [flags]                             lint the examples, plant mistakes, tabulate
//	realworld trial  [flags]                             lint whole repositories with --recursive
//
// See realworld/README.md for how to fill the cache and what the tables mean.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	home, _ := os.UserHomeDir()
	list := fs.String("list", "", "list of repositories (default: recall.txt or trial.txt next to this program)")
	mirror := fs.String("mirror", "/work/.mirror", "folder of git directories, one per repository (owner+name/repo or owner+name.git)")
	cache := fs.String("cache", envOr("REALWORLD_CACHE", filepath.Join(home, ".cache", "fargate-realworld")), "cache of exported refs, outside the repository")
	work := fs.String("work", os.Getenv("REALWORLD_WORK"), "scratch folder for copies, installed modules and reports (default: a new temporary folder, removed at the end, so runs at once do not share one)")
	tflint := fs.String("tflint", ".tools/tflint-v0.64.0/bin/tflint", "pinned tflint binary")
	plugin := fs.String("plugin", "tflint-ruleset-fargate", "plugin binary (also run on its own)")
	only := fs.String("only", "", "recall: only this group; trial: only this repository")
	jobs := fs.Int("j", 2, "examples linted at once")
	mutate := fs.Bool("mutate", true, "recall: plant mistakes (false: lint the examples as they are)")
	verbose := fs.Bool("v", false, "print every mutant")
	plantOwn := fs.Bool("plant-own", false, "recall: also plant into the repository's own modules that the examples call by relative path (heldout.txt)")
	fs.Parse(os.Args[2:])

	defaultList := map[string]string{"fill": "realworld/recall.txt", "recall": "realworld/recall.txt", "trial": "realworld/trial.txt"}[os.Args[1]]
	if *list == "" {
		*list = defaultList
	}
	entries, err := readList(*list)
	if err != nil {
		fatal(err)
	}
	scratch := "" // a temporary scratch folder this run made, removed at the end
	if *work == "" && os.Args[1] != "fill" {
		if *work, err = os.MkdirTemp("", "fargate-realworld-"); err != nil {
			fatal(err)
		}
		scratch = *work
	}
	switch os.Args[1] {
	case "fill":
		err = fill(entries, *mirror, *cache)
	case "recall":
		err = recall(recallOptions{
			Entries: entries, Cache: *cache, Work: *work, TFLint: *tflint, Plugin: *plugin,
			Only: *only, Jobs: *jobs, Mutate: *mutate, Verbose: *verbose, PlantOwn: *plantOwn,
		})
	case "trial":
		err = trial(trialOptions{
			Entries: entries, Cache: *cache, Work: *work, TFLint: *tflint, Plugin: *plugin,
			Only: *only, Review: filepath.Join(filepath.Dir(*list), "trial-review.md"),
		})
	default:
		usage()
	}
	if scratch != "" {
		os.RemoveAll(scratch)
	}
	if err != nil {
		fatal(err)
	}
}

// envOr returns the environment variable's value, or def when it is empty.
func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: realworld fill|recall|trial [flags]; see realworld/README.md")
	os.Exit(2)
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "realworld:", err)
	os.Exit(1)
}
