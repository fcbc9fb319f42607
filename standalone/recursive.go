package standalone

import (
	"bytes"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// folders lists, as tflint's --recursive does, base and every folder under it but
// hidden ones (and what they hold), in walking order.
func folders(base string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(base, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if path != "." && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		out = append(out, path)
		return nil
	})
	return out, err
}

// folderRun is the outcome of linting one folder.
type folderRun struct {
	res *result
	err error
}

// runRecursive lints every folder holding Terraform files, each as `--chdir=folder`
// would (with the configuration found from that folder), and reports them together in
// the format of --format (a format set in a configuration file does not apply, as in
// tflint). Folders are read and parsed in parallel; their rules run one folder at a time.
func runRecursive(p *printer, wd string, o *Options) int {
	base := o.Chdir
	if base == "" {
		base = "."
	}
	// base is relative to the current directory, wd, as the folders are named.
	dirs, err := folders(base)
	if err != nil {
		p.print(nil, fmt.Errorf("listing folders: %w", err), nil)
		return ExitError
	}
	workers := runtime.NumCPU()
	if o.MaxWorkers != nil {
		workers = *o.MaxWorkers
	}
	runs := make([]folderRun, len(dirs))
	slots := make(chan struct{}, workers)
	var wg sync.WaitGroup
	for i, dir := range dirs {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer func() { <-slots; wg.Done() }()
			res, err := lintDir(wd, dir, o, true)
			if err == nil && o.Fix {
				err = writeChanges(res)
			}
			runs[i] = folderRun{res, err}
		}()
	}
	wg.Wait()

	var issues []*Issue
	sources := map[string][]byte{}
	for i, run := range runs {
		for name, src := range run.res.sources {
			sources[name] = src
		}
		if run.err != nil {
			p.printFolderError(folderError(dirs[i], run.res, run.err), sources)
			continue
		}
		for _, is := range run.res.issues {
			if is.Range.Filename == "" {
				is.Range.Filename = dirs[i]
			}
		}
		issues = append(issues, run.res.issues...)
	}
	if p.printAll(issues, sources) {
		return ExitError
	}
	if (o.Force == nil || !*o.Force) && failing(issues, o.MinimumFailureSeverity) {
		return ExitIssues
	}
	return ExitOK
}

// folderError is the error --recursive reports for a folder that failed, as tflint
// reports a failed worker: the folder, the worker's exit status, and what the worker
// wrote to its standard error, which is the error in the default format, coloured
// (tflint does not pass --no-color on to its workers). A worker whose configuration file
// sets another format writes the error to its standard output, which tflint does not
// show.
func folderError(dir string, res *result, err error) error {
	var stderr bytes.Buffer
	if res.fileFormat == "" || res.fileFormat == "default" {
		w := &printer{stderr: &stderr, color: true}
		w.printPrettyError(err, res.sources, false)
	}
	return fmt.Errorf("Failed to run in %s; exit status 1\n\n%s", dir, stderr.String())
}
