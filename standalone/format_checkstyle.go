package standalone

import (
	"encoding/xml"
	"fmt"
	"sort"
)

// The checkstyle report has tflint's elements and attributes: one <file> per file,
// sorted by name (errors without a file first, under "(application)"), each issue an
// <error> in the order the rules reported it.

type checkstyleReport struct {
	XMLName xml.Name          `xml:"checkstyle"`
	Files   []*checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string             `xml:"name,attr"`
	Errors []*checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Source   string `xml:"source,attr"`
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Link     string `xml:"link,attr"`
	// Rule repeats Source, for readers of older tflint reports.
	Rule string `xml:"rule,attr"`
}

// printCheckstyle writes the checkstyle XML report.
func (p *printer) printCheckstyle(issues []*Issue, err error) {
	files := map[string]*checkstyleFile{}
	add := func(name string, e *checkstyleError) {
		if files[name] == nil {
			files[name] = &checkstyleFile{Name: name}
		}
		files[name].Errors = append(files[name].Errors, e)
	}
	for _, is := range issues {
		add(is.Range.Filename, &checkstyleError{
			Source: is.Rule, Line: is.Range.Start.Line, Column: is.Range.Start.Column,
			Severity: severityName(is.Severity), Message: is.Message, Link: is.Link, Rule: is.Rule,
		})
	}
	for _, it := range errorItems(err) {
		if it.diag == nil {
			add(appErrorSource, &checkstyleError{Source: appErrorSource, Severity: "error", Message: it.err.Error(), Rule: appErrorSource})
			continue
		}
		r := diagRange(it.diag)
		name := r.Filename
		if name == "" {
			name = appErrorSource
		}
		add(name, &checkstyleError{Source: it.diag.Summary, Line: r.Start.Line, Column: r.Start.Column, Severity: diagSeverityName(it.diag.Severity), Message: it.diag.Detail})
	}
	report := &checkstyleReport{}
	for _, f := range files {
		report.Files = append(report.Files, f)
	}
	sort.Slice(report.Files, func(i, j int) bool {
		a, b := report.Files[i].Name, report.Files[j].Name
		if a == appErrorSource || b == appErrorSource {
			return a == appErrorSource && b != appErrorSource
		}
		return a < b
	})
	out, merr := xml.MarshalIndent(report, "", "  ")
	if merr != nil {
		fmt.Fprint(p.stderr, merr)
	}
	fmt.Fprint(p.stdout, xml.Header)
	fmt.Fprint(p.stdout, string(out))
}
