package main

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fargate-lint/tflint-ruleset-fargate/project"
)

// runFormat runs tflint with the plugin over a copy of a case with extra arguments, and
// returns what it printed and its exit code.
func runFormat(t *testing.T, caseDir string, args ...string) ([]byte, int) {
	t.Helper()
	cmd := exec.Command(tflintPath(t), append([]string{"--config", ".tflint.hcl"}, args...)...)
	cmd.Dir = copyCase(t, filepath.Join("testdata", caseDir))
	cmd.Env = append(os.Environ(), "TFLINT_PLUGIN_DIR="+buildPlugin(t))
	out, err := cmd.Output()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return out, 0
	case errors.As(err, &exit):
		return out, exit.ExitCode()
	}
	t.Fatal(err)
	return nil, 0
}

// TestSARIF checks every result of a SARIF report, what code scanning shows, names a rule
// whose helpUri is the absolute URL of its doc page.
func TestSARIF(t *testing.T) {
	out, _ := runFormat(t, "jsonencode_locals", "--format", "sarif")
	var report struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Name  string
					Rules []struct {
						ID      string
						HelpURI string `json:"helpUri"`
					}
				}
			}
			Results []struct {
				RuleID    string `json:"ruleId"`
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("not SARIF JSON: %v\n%s", err, out)
	}
	helpURI := map[string]string{}
	results := 0
	for _, run := range report.Runs {
		for _, r := range run.Tool.Driver.Rules {
			helpURI[r.ID] = r.HelpURI
		}
		for _, res := range run.Results {
			if !strings.HasPrefix(res.RuleID, "fargate_") {
				continue
			}
			results++
			want := "https://github.com/fargate-lint/tflint-ruleset-fargate/blob/v" + project.Version + "/docs/rules/" + res.RuleID + ".md"
			if helpURI[res.RuleID] != want {
				t.Errorf("%s: helpUri %q, want %q", res.RuleID, helpURI[res.RuleID], want)
			}
			if len(res.Locations) == 0 || res.Locations[0].PhysicalLocation.Region.StartLine == 0 {
				t.Errorf("%s: result without a location", res.RuleID)
			}
		}
	}
	if results == 0 {
		t.Fatalf("no fargate results in the SARIF report:\n%s", out)
	}
}

// TestCheckstyleAndJUnit checks the XML reports CI systems read carry the findings.
func TestCheckstyleAndJUnit(t *testing.T) {
	out, _ := runFormat(t, "jsonencode_locals", "--format", "checkstyle")
	var checkstyle struct {
		Files []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Source   string `xml:"source,attr"` // newer tflint
				Rule     string `xml:"rule,attr"`   // earlier tflint
				Severity string `xml:"severity,attr"`
				Line     int    `xml:"line,attr"`
				Message  string `xml:"message,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal(out, &checkstyle); err != nil {
		t.Fatalf("not checkstyle XML: %v\n%s", err, out)
	}
	found := false
	for _, f := range checkstyle.Files {
		for _, e := range f.Errors {
			if (e.Source == "fargate_awsvpc_host_port" || e.Rule == "fargate_awsvpc_host_port") && e.Severity == "error" && e.Line == 17 {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("checkstyle report lacks the hostPort error on main.tf:17:\n%s", out)
	}

	out, _ = runFormat(t, "jsonencode_locals", "--format", "junit")
	var junit struct {
		Suites []struct {
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Message string `xml:"message,attr"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(out, &junit); err != nil {
		t.Fatalf("not JUnit XML: %v\n%s", err, out)
	}
	failures := 0
	for _, s := range junit.Suites {
		for _, c := range s.Cases {
			if c.Failure != nil && strings.Contains(c.Failure.Message, "hostPort 80 must equal containerPort 8080") {
				failures++
			}
		}
	}
	if failures != 1 {
		t.Errorf("JUnit report has %d failures for the hostPort finding, want 1:\n%s", failures, out)
	}
}

// TestMinimumFailureSeverity checks warnings alone do not fail CI when the threshold is
// error, and do when it is warning.
func TestMinimumFailureSeverity(t *testing.T) {
	// dynamic_blocks reports warnings and errors; --only keeps one warning rule.
	if _, code := runFormat(t, "jsonencode_locals", "--minimum-failure-severity=error"); code == 0 {
		t.Error("errors must fail the run at --minimum-failure-severity=error")
	}
	if _, code := runFormat(t, "dynamic_blocks", "--only", "fargate_task_role", "--minimum-failure-severity=error"); code != 0 {
		t.Errorf("a warning alone must not fail the run at --minimum-failure-severity=error (exit %d)", code)
	}
	if _, code := runFormat(t, "dynamic_blocks", "--only", "fargate_task_role", "--minimum-failure-severity=warning"); code == 0 {
		t.Error("a warning must fail the run at --minimum-failure-severity=warning")
	}
}
