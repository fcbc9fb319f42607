package standalone

import (
	"encoding/json"
	"fmt"

	"github.com/hashicorp/hcl/v2"
)

// The JSON report has tflint's schema, so tools that read tflint's JSON read this one.

type jsonReport struct {
	Issues []jsonIssue `json:"issues"`
	Errors []jsonError `json:"errors"`
}

type jsonIssue struct {
	Rule    jsonRule    `json:"rule"`
	Message string      `json:"message"`
	Range   jsonRange   `json:"range"`
	Callers []jsonRange `json:"callers"`
	Fixable bool        `json:"fixable"`
	Fixed   bool        `json:"fixed"`
}

type jsonRule struct {
	Name     string `json:"name"`
	Severity string `json:"severity"`
	Link     string `json:"link"`
}

type jsonRange struct {
	Filename string  `json:"filename"`
	Start    jsonPos `json:"start"`
	End      jsonPos `json:"end"`
}

type jsonPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type jsonError struct {
	Summary  string     `json:"summary,omitempty"`
	Message  string     `json:"message"`
	Severity string     `json:"severity"`
	Range    *jsonRange `json:"range,omitempty"`
}

func toJSONRange(r hcl.Range) jsonRange {
	return jsonRange{Filename: r.Filename, Start: jsonPos{r.Start.Line, r.Start.Column}, End: jsonPos{r.End.Line, r.End.Column}}
}

// printJSON writes the JSON report, issues sorted, on one line.
func (p *printer) printJSON(issues []*Issue, err error) {
	sortIssues(issues)
	report := jsonReport{Issues: make([]jsonIssue, len(issues)), Errors: []jsonError{}}
	for i, is := range issues {
		callers := make([]jsonRange, len(is.Callers))
		for j, c := range is.Callers {
			callers[j] = toJSONRange(c)
		}
		report.Issues[i] = jsonIssue{
			Rule:    jsonRule{Name: is.Rule, Severity: severityName(is.Severity), Link: is.Link},
			Message: is.Message,
			Range:   toJSONRange(is.Range),
			Callers: callers,
			Fixable: is.Fixable,
			Fixed:   is.Fixable && p.fix,
		}
	}
	for _, it := range errorItems(err) {
		if it.diag == nil {
			report.Errors = append(report.Errors, jsonError{Message: it.err.Error(), Severity: "error"})
			continue
		}
		e := jsonError{Summary: it.diag.Summary, Message: it.diag.Detail, Severity: diagSeverityName(it.diag.Severity)}
		if it.diag.Subject != nil {
			r := toJSONRange(*it.diag.Subject)
			e.Range = &r
		}
		report.Errors = append(report.Errors, e)
	}
	out, merr := json.Marshal(report)
	if merr != nil {
		fmt.Fprint(p.stderr, merr)
	}
	fmt.Fprint(p.stdout, string(out))
}
