package standalone

import (
	"errors"
	"io"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// printer writes a report in one of tflint's formats: issues and errors to stdout in the
// machine formats; in the default format, issues to stdout and errors to stderr.
type printer struct {
	stdout, stderr io.Writer
	format         string
	fix            bool
	color          bool
	// deferred are errors of folders linted by --recursive, kept for the formats that
	// print everything at the end.
	deferred []error
}

// appErrorSource names the file of an error that has no place in a file.
const appErrorSource = "(application)"

// print writes issues and an error (nil for none).
func (p *printer) print(issues []*Issue, err error, sources map[string][]byte) {
	switch p.format {
	case "json":
		p.printJSON(issues, err)
	case "compact":
		p.printCompact(issues, err, sources)
	case "checkstyle":
		p.printCheckstyle(issues, err)
	case "junit":
		p.printJUnit(issues, err)
	case "sarif":
		p.printSARIF(issues, err)
	case "codeclimate":
		p.printCodeClimate(issues, err, sources)
	default:
		p.printPretty(issues, err, sources)
	}
}

// printFolderError reports the error of one folder of --recursive: at once in the default
// format, at the end in the others.
func (p *printer) printFolderError(err error, sources map[string][]byte) {
	p.deferred = append(p.deferred, err)
	if p.format == "" || p.format == "default" {
		p.printPrettyError(err, sources, true)
	}
}

// printAll prints the issues of --recursive, with the folders' errors in the formats
// that keep them for the end; in the default format, which printed the errors at once,
// nothing when a folder failed. It reports whether a folder failed.
func (p *printer) printAll(issues []*Issue, sources map[string][]byte) bool {
	err := errors.Join(p.deferred...)
	if p.format == "" || p.format == "default" {
		// As tflint: the errors are printed already, and when a folder failed the
		// issues are not printed at all.
		if err == nil {
			p.print(issues, nil, sources)
		}
	} else {
		p.print(issues, err, sources)
	}
	return err != nil
}

// errorItem is one error to report: an HCL diagnostic, or a plain error (diag nil).
type errorItem struct {
	diag *hcl.Diagnostic
	err  error
}

// errorItems splits an error into what the formats list: each diagnostic of the HCL
// diagnostics it holds, and each error it joins.
func errorItems(err error) []errorItem {
	if err == nil {
		return nil
	}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		var out []errorItem
		for _, e := range joined.Unwrap() {
			out = append(out, errorItems(e)...)
		}
		return out
	}
	var diags hcl.Diagnostics
	if errors.As(err, &diags) {
		out := make([]errorItem, len(diags))
		for i, d := range diags {
			out[i] = errorItem{diag: d}
		}
		return out
	}
	return []errorItem{{err: err}}
}

// diagRange is a diagnostic's range, zero when it has none.
func diagRange(d *hcl.Diagnostic) hcl.Range {
	if d.Subject == nil {
		return hcl.Range{}
	}
	return *d.Subject
}

// severityName writes a severity as the JSON, checkstyle and JUnit formats do.
func severityName(s tflint.Severity) string {
	switch s {
	case tflint.ERROR:
		return "error"
	case tflint.WARNING:
		return "warning"
	}
	return "info"
}

// diagSeverityName writes a diagnostic's severity.
func diagSeverityName(s hcl.DiagnosticSeverity) string {
	if s == hcl.DiagWarning {
		return "warning"
	}
	return "error"
}
