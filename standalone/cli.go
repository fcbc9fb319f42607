package standalone

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
)

// Exit statuses, as tflint's.
const (
	ExitOK     = 0
	ExitError  = 1
	ExitIssues = 2
)

// Run runs the linter with a command line (without the program name), writing the
// report to stdout and stderr, and returns the exit status: ExitOK when clean, ExitIssues
// when issues are found (unless --force), ExitError on an error.
func Run(args []string, stdout, stderr io.Writer) int {
	o, err := ParseOptions(args)
	color := useColor(o, stdout)
	// Reports can be long: write them in large pieces.
	buffered := bufio.NewWriterSize(stdout, 64<<10)
	defer buffered.Flush()
	stdout = buffered
	p := &printer{stdout: stdout, stderr: stderr, format: o.Format, fix: o.Fix, color: color}
	switch {
	case o.Help:
		writeUsage(stdout)
		return ExitOK
	case err != nil:
		p.print(nil, fmt.Errorf("command line: %w", err), nil)
		return ExitError
	case len(o.Args) > 0:
		p.print(nil, fmt.Errorf("arguments are not file or folder names (%q): use --chdir to lint another folder, --filter to report on some files", o.Args[0]), nil)
		return ExitError
	case o.MaxWorkers != nil && *o.MaxWorkers <= 0:
		p.print(nil, errors.New("--max-workers must be at least 1"), nil)
		return ExitError
	case o.Version:
		writeVersion(stdout, o.Format)
		return ExitOK
	case o.Init:
		fmt.Fprintf(stdout, "Nothing to install: %s runs its rules itself.\n", programName)
		return ExitOK
	case o.Langserver:
		p.print(nil, fmt.Errorf("there is no language server without tflint: run tflint --langserver with the %s plugin installed", programName), nil)
		return ExitError
	}
	wd, err := os.Getwd()
	if err != nil {
		p.print(nil, err, nil)
		return ExitError
	}
	if o.Recursive {
		return runRecursive(p, wd, o)
	}
	return runOne(p, wd, o)
}

// runOne lints the current folder, or the one --chdir names.
func runOne(p *printer, wd string, o *Options) int {
	res, err := lintDir(wd, o.Chdir, o, false)
	if res.cfg != nil {
		p.format = res.cfg.Format
	}
	if err != nil {
		p.print(nil, err, res.sources)
		return ExitError
	}
	p.print(res.issues, nil, res.sources)
	if o.Fix {
		if err := writeChanges(res); err != nil {
			p.print(nil, err, res.sources)
			return ExitError
		}
	}
	if !res.cfg.Force && failing(res.issues, o.MinimumFailureSeverity) {
		return ExitIssues
	}
	return ExitOK
}

// useColor decides whether the default format is coloured: never with --no-color,
// always with --color, else when stdout is a terminal that can show colours.
func useColor(o *Options, stdout io.Writer) bool {
	switch {
	case o.NoColor:
		return false
	case o.Color:
		return true
	case os.Getenv("NO_COLOR") != "", os.Getenv("TERM") == "dumb":
		return false
	}
	f, ok := stdout.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
