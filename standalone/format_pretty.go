package standalone

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// ANSI styles of the default format.
const (
	styleBold      = "1"
	styleHighlight = "1;4"
	styleRed       = "31"
	styleYellow    = "33"
	styleWhite     = "97"
)

// paint wraps s in an ANSI style when the printer colours its output.
func (p *printer) paint(style, s string) string {
	if !p.color {
		return s
	}
	return "\x1b[" + style + "m" + s + "\x1b[0m"
}

// severityStyle is the colour of a severity.
func severityStyle(s tflint.Severity) string {
	switch s {
	case tflint.ERROR:
		return styleRed
	case tflint.WARNING:
		return styleYellow
	}
	return styleWhite
}

// printPretty writes the default format: each issue with the lines of code it covers.
func (p *printer) printPretty(issues []*Issue, err error, sources map[string][]byte) {
	if len(issues) > 0 {
		fmt.Fprintf(p.stdout, "%d issue(s) found:\n\n", len(issues))
		sortIssues(issues)
		for _, is := range issues {
			p.printPrettyIssue(is, sources)
		}
	}
	if err != nil {
		p.printPrettyError(err, sources, false)
	}
}

// printPrettyIssue writes one issue of the default format.
func (p *printer) printPrettyIssue(is *Issue, sources map[string][]byte) {
	w := p.stdout
	message := is.Message
	if is.Fixable {
		if p.fix {
			message = "[Fixed] " + message
		} else {
			message = "[Fixable] " + message
		}
	}
	fmt.Fprintf(w, "%s: %s (%s)\n\n", p.paint(severityStyle(is.Severity), is.Severity.String()), p.paint(styleBold, message), is.Rule)
	fmt.Fprintf(w, "  on %s line %d:\n", is.Range.Filename, is.Range.Start.Line)
	var src []byte
	// tflint loads no OpenTofu file as a source, so it shows no excerpt of one.
	if !isTofu(is.Range.Filename) {
		src = is.Source
		if src == nil {
			src = sources[is.Range.Filename]
		}
		if src == nil {
			// A file outside the linted module (a called module's) is read for the excerpt.
			src, _ = os.ReadFile(is.Range.Filename)
		}
	}
	if src == nil {
		fmt.Fprintf(w, "   (source code not available)\n")
	} else {
		sc := hcl.NewRangeScanner(src, is.Range.Filename, bufio.ScanLines)
		for sc.Scan() {
			line := sc.Range()
			if !line.Overlaps(is.Range) {
				continue
			}
			before, marked, after := line.PartitionAround(is.Range)
			if marked.Empty() {
				fmt.Fprintf(w, "%4d: %s\n", line.Start.Line, sc.Bytes())
				continue
			}
			fmt.Fprintf(w, "%4d: %s%s%s\n", line.Start.Line, before.SliceBytes(src), p.paint(styleHighlight, string(marked.SliceBytes(src))), after.SliceBytes(src))
		}
	}
	if len(is.Callers) > 0 {
		fmt.Fprint(w, "\nCallers:\n")
		for _, c := range is.Callers {
			fmt.Fprintf(w, "   %s\n", c)
		}
	}
	if is.Link != "" {
		fmt.Fprintf(w, "\nReference: %s\n", is.Link)
	}
	fmt.Fprint(w, "\n")
}

// printPrettyError writes an error to stderr: HCL diagnostics with the code they point
// at, other errors as a line (marked as one folder's in --recursive).
func (p *printer) printPrettyError(err error, sources map[string][]byte, folder bool) {
	items := errorItems(err)
	var diags hcl.Diagnostics
	for _, it := range items {
		if it.diag != nil {
			diags = append(diags, it.diag)
			continue
		}
		if folder {
			fmt.Fprintf(p.stderr, "%s %s\n", p.paint(styleRed, "│"), it.err)
		} else {
			fmt.Fprintf(p.stderr, "%s\n", it.err)
		}
	}
	if len(diags) > 0 {
		fmt.Fprintf(p.stderr, "%s:\n\n", err)
		files := map[string]*hcl.File{}
		parser := hclparse.NewParser()
		for name, src := range sources {
			if strings.HasSuffix(name, ".json") {
				files[name], _ = parser.ParseJSON(src, name)
			} else {
				files[name], _ = parser.ParseHCL(src, name)
			}
		}
		_ = hcl.NewDiagnosticTextWriter(p.stderr, files, 0, p.color).WriteDiagnostics(diags)
	}
}

// isTofu reports whether a file is an OpenTofu file (.tofu, .tofu.json).
func isTofu(name string) bool {
	return strings.HasSuffix(name, ".tofu") || strings.HasSuffix(name, ".tofu.json")
}
