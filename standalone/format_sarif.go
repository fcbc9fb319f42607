package standalone

import (
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/project"
)

// The SARIF 2.1.0 report has tflint's layout: a run of issues, whose rules are listed in
// the order they first appear, and a second run of errors. The tool is named for what
// ran: this binary, not tflint. Unlike tflint's, each fargate rule has its short
// description (tflint leaves it empty), so code scanning lists readable rules.

const (
	sarifSchema  = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json"
	sarifToolURI = "https://github.com/fargate-lint/tflint-ruleset-fargate"
)

type sarifLog struct {
	Version string     `json:"version"`
	Schema  string     `json:"$schema"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool      `json:"tool"`
	Results []*sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	InformationURI string       `json:"informationUri"`
	Name           string       `json:"name"`
	Rules          []*sarifRule `json:"rules"`
	Version        string       `json:"version"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifMessage `json:"shortDescription"`
	HelpURI          string       `json:"helpUri,omitempty"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string           `json:"ruleId"`
	RuleIndex int              `json:"ruleIndex"`
	Level     string           `json:"level"`
	Message   sarifMessage     `json:"message"`
	Locations []*sarifLocation `json:"locations,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int  `json:"startLine,omitempty"`
	StartColumn int  `json:"startColumn,omitempty"`
	EndLine     int  `json:"endLine,omitempty"`
	EndColumn   int  `json:"endColumn,omitempty"`
	ByteOffset  *int `json:"byteOffset,omitempty"`
	ByteLength  *int `json:"byteLength,omitempty"`
}

// newSarifRun starts a run of the named tool.
func newSarifRun(name string) *sarifRun {
	return &sarifRun{
		Tool:    sarifTool{Driver: sarifDriver{InformationURI: sarifToolURI, Name: name, Rules: []*sarifRule{}, Version: project.Version}},
		Results: []*sarifResult{},
	}
}

// add records a result of rule id (listing the rule on its first result).
func (r *sarifRun) add(id, help, level, message string, loc *sarifLocation) {
	index := -1
	for i, rule := range r.Tool.Driver.Rules {
		if rule.ID == id {
			index = i
		}
	}
	if index < 0 {
		index = len(r.Tool.Driver.Rules)
		r.Tool.Driver.Rules = append(r.Tool.Driver.Rules, &sarifRule{ID: id, ShortDescription: sarifMessage{Text: ruleDescriptions[id]}, HelpURI: help})
	}
	res := &sarifResult{RuleID: id, RuleIndex: index, Level: level, Message: sarifMessage{Text: message}}
	if loc != nil {
		res.Locations = []*sarifLocation{loc}
	}
	r.Results = append(r.Results, res)
}

// sarifLevel writes a severity as a SARIF level.
func sarifLevel(s tflint.Severity) string {
	switch s {
	case tflint.ERROR:
		return "error"
	case tflint.WARNING:
		return "warning"
	}
	return "note"
}

// issueLocation is where an issue is, nil when it has no file.
func issueLocation(rng hcl.Range) *sarifLocation {
	if rng.Filename == "" {
		return nil
	}
	loc := &sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: filepath.ToSlash(rng.Filename)}}}
	if !rng.Empty() {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: rng.Start.Line, StartColumn: rng.Start.Column, EndLine: rng.End.Line, EndColumn: rng.End.Column}
	}
	return loc
}

// printSARIF writes the SARIF report, indented.
func (p *printer) printSARIF(issues []*Issue, err error) {
	found := newSarifRun(programName)
	for _, is := range issues {
		found.add(is.Rule, is.Link, sarifLevel(is.Severity), is.Message, issueLocation(is.Range))
	}
	failed := newSarifRun(programName + "-errors")
	for _, it := range errorItems(err) {
		if it.diag == nil {
			failed.add("application_error", "", "error", it.err.Error(), nil)
			continue
		}
		var loc *sarifLocation
		if s := it.diag.Subject; s != nil {
			offset, length := s.Start.Byte, s.End.Byte-s.Start.Byte
			loc = &sarifLocation{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: filepath.ToSlash(s.Filename)},
				Region:           &sarifRegion{StartLine: s.Start.Line, StartColumn: s.Start.Column, EndLine: s.End.Line, EndColumn: s.End.Column, ByteOffset: &offset, ByteLength: &length},
			}}
		}
		failed.add(it.diag.Summary, "", diagSeverityName(it.diag.Severity), it.diag.Detail, loc)
	}
	out, merr := json.MarshalIndent(sarifLog{Version: "2.1.0", Schema: sarifSchema, Runs: []sarifRun{*found, *failed}}, "", "  ")
	if merr != nil {
		fmt.Fprint(p.stderr, merr)
	}
	fmt.Fprint(p.stdout, string(out))
}
