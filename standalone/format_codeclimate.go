package standalone

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// The Code Climate report is a JSON array of issues, the format GitLab's code quality
// report (artifacts: reports: codequality) reads to annotate merge requests. tflint has
// no such format: it is this binary's addition. Each issue carries what GitLab requires
// (description, check_name, fingerprint, severity, location.path and a line) and the
// rule's page. Errors have no place in the format: they go to stderr, as in the default
// format, and the exit code says the lint failed.

type codeClimateIssue struct {
	Type        string              `json:"type"`
	CheckName   string              `json:"check_name"`
	Description string              `json:"description"`
	Content     *codeClimateContent `json:"content,omitempty"`
	Categories  []string            `json:"categories"`
	Location    codeClimateLocation `json:"location"`
	Severity    string              `json:"severity"`
	Fingerprint string              `json:"fingerprint"`
}

type codeClimateContent struct {
	Body string `json:"body"`
}

type codeClimateLocation struct {
	Path      string               `json:"path"`
	Positions codeClimatePositions `json:"positions"`
}

type codeClimatePositions struct {
	Begin codeClimatePosition `json:"begin"`
	End   codeClimatePosition `json:"end"`
}

type codeClimatePosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// codeClimateSeverity maps a severity to Code Climate's scale (info, minor, major,
// critical, blocker).
func codeClimateSeverity(s tflint.Severity) string {
	switch s {
	case tflint.ERROR:
		return "major"
	case tflint.WARNING:
		return "minor"
	}
	return "info"
}

// printCodeClimate writes the issues as a Code Climate JSON array, and errors to stderr.
func (p *printer) printCodeClimate(issues []*Issue, err error, sources map[string][]byte) {
	sortIssues(issues)
	out := make([]codeClimateIssue, 0, len(issues))
	seen := map[string]int{}
	for _, is := range issues {
		path := filepath.ToSlash(is.Range.Filename)
		key := is.Rule + "\x00" + path + "\x00" + is.Message + "\x00" + strconv.Itoa(is.Range.Start.Line) + ":" + strconv.Itoa(is.Range.Start.Column)
		// Two findings of one place (a shared module's, reached from two folders) need
		// fingerprints of their own.
		seen[key]++
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(seen[key])))
		c := codeClimateIssue{
			Type: "issue", CheckName: is.Rule, Description: is.Message,
			Categories: []string{"Bug Risk"},
			Location: codeClimateLocation{Path: path, Positions: codeClimatePositions{
				Begin: codeClimatePosition{Line: is.Range.Start.Line, Column: is.Range.Start.Column},
				End:   codeClimatePosition{Line: is.Range.End.Line, Column: is.Range.End.Column},
			}},
			Severity:    codeClimateSeverity(is.Severity),
			Fingerprint: hex.EncodeToString(sum[:16]),
		}
		if is.Link != "" {
			c.Content = &codeClimateContent{Body: "See " + is.Link}
		}
		out = append(out, c)
	}
	data, merr := json.MarshalIndent(out, "", "  ")
	if merr != nil {
		fmt.Fprint(p.stderr, merr)
	}
	fmt.Fprintln(p.stdout, string(data))
	if err != nil {
		p.printPrettyError(err, sources, false)
	}
}
