package standalone

import (
	"encoding/xml"
	"fmt"
)

// The JUnit report has tflint's layout: one test suite in which every issue, and every
// error, is a failed test case.

type junitSuites struct {
	XMLName xml.Name     `xml:"testsuites"`
	Suites  []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	XMLName    xml.Name        `xml:"testsuite"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Time       string          `xml:"time,attr"`
	Name       string          `xml:"name,attr"`
	Properties junitProperties `xml:"properties"`
	Cases      []junitCase     `xml:"testcase"`
}

// junitProperties is the suite's empty <properties> element.
type junitProperties struct{}

type junitCase struct {
	XMLName   xml.Name      `xml:"testcase"`
	Classname string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
}

type junitFailure struct {
	Message  string `xml:"message,attr"`
	Type     string `xml:"type,attr"`
	Contents string `xml:",chardata"`
}

// printJUnit writes the JUnit XML report, issues sorted.
func (p *printer) printJUnit(issues []*Issue, err error) {
	sortIssues(issues)
	var cases []junitCase
	for _, is := range issues {
		cases = append(cases, junitCase{
			Classname: is.Range.Filename,
			Name:      fmt.Sprintf("%s %s", is.Rule, is.Range),
			Time:      "0",
			Failure: &junitFailure{
				Message:  fmt.Sprintf("%s: %s", is.Range, is.Message),
				Type:     is.Severity.String(),
				Contents: fmt.Sprintf("%s: %s\nRule: %s\nRange: %s", is.Severity, is.Message, is.Rule, is.Range),
			},
		})
	}
	for _, it := range errorItems(err) {
		if it.diag == nil {
			cases = append(cases, junitCase{
				Classname: appErrorSource, Name: "application_error", Time: "0",
				Failure: &junitFailure{Message: it.err.Error(), Type: "error", Contents: "Error: " + it.err.Error()},
			})
			continue
		}
		r := diagRange(it.diag)
		where := fmt.Sprintf("%s:%d,%d-%d,%d", r.Filename, r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
		severity := diagSeverityName(it.diag.Severity)
		cases = append(cases, junitCase{
			Classname: r.Filename, Name: it.diag.Summary, Time: "0",
			Failure: &junitFailure{
				Message:  where + ": " + it.diag.Detail,
				Type:     severity,
				Contents: fmt.Sprintf("%s: %s\nSummary: %s\nRange: %s", severity, it.diag.Detail, it.diag.Summary, where),
			},
		})
	}
	report := junitSuites{Suites: []junitSuite{{Tests: len(cases), Failures: len(cases), Time: "0", Cases: cases}}}
	out, merr := xml.MarshalIndent(report, "", "  ")
	if merr != nil {
		fmt.Fprint(p.stderr, merr)
	}
	fmt.Fprint(p.stdout, xml.Header)
	fmt.Fprint(p.stdout, string(out))
}
