package standalone

import "fmt"

// printCompact writes one line per issue, in the order the rules reported them, then
// one line per error diagnostic (other errors as in the default format).
func (p *printer) printCompact(issues []*Issue, err error, sources map[string][]byte) {
	if len(issues) > 0 {
		fmt.Fprintf(p.stdout, "%d issue(s) found:\n\n", len(issues))
	}
	for _, is := range issues {
		fmt.Fprintf(p.stdout, "%s:%d:%d: %s - %s (%s)\n", is.Range.Filename, is.Range.Start.Line, is.Range.Start.Column, is.Severity, is.Message, is.Rule)
	}
	for _, it := range errorItems(err) {
		if it.diag == nil {
			p.printPrettyError(it.err, sources, false)
			continue
		}
		r := diagRange(it.diag)
		fmt.Fprintf(p.stdout, "%s:%d:%d: %s - %s. %s\n", r.Filename, r.Start.Line, r.Start.Column, diagSeverityName(it.diag.Severity), it.diag.Summary, it.diag.Detail)
	}
}
