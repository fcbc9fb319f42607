package standalone

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/fargate-lint/tflint-ruleset-fargate/project"
)

// programName is the binary's name, as help and error messages show it.
const programName = "tflint-ruleset-fargate"

// writeUsage prints the help: how to start the linter and every option.
func writeUsage(w io.Writer) {
	fmt.Fprintf(w, "Usage:\n  %s --chdir=DIR/--recursive [OPTIONS]\n\n", programName)
	fmt.Fprintf(w, "Lints Terraform files with the fargate rules, without tflint. It reads tflint's\n")
	fmt.Fprintf(w, "options and .tflint.hcl, prints tflint's formats and exits as tflint does:\n")
	fmt.Fprintf(w, "0 when clean, 2 when issues are found, 1 on an error.\n\n")
	fmt.Fprintf(w, "Options:\n")
	width := 0
	names := make([]string, len(options))
	for i, opt := range options {
		names[i] = optionName(opt)
		width = max(width, len(names[i]))
	}
	for i, opt := range options {
		help := opt.help
		if len(opt.choices) > 0 {
			help += " (" + strings.Join(opt.choices, ", ") + ")"
		}
		fmt.Fprintf(w, "  %-*s  %s\n", width, names[i], help)
	}
}

// optionName writes an option as the help lists it: -f, --format=FORMAT.
func optionName(opt option) string {
	name := "    --" + opt.long
	if opt.short != 0 {
		name = "-" + string(opt.short) + ", --" + opt.long
	}
	if opt.value != "" {
		name += "=" + opt.value
	}
	return name
}

// versionReport is what --version --format json prints: tflint's shape, with this
// binary's version and its one rule set.
type versionReport struct {
	Version            string          `json:"version"`
	Plugins            []pluginVersion `json:"plugins,omitempty"`
	UpdateCheckEnabled bool            `json:"update_check_enabled"`
	UpdateAvailable    bool            `json:"update_available"`
}

type pluginVersion struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// writeVersion prints the version, as text or, for --format json, as JSON.
func writeVersion(w io.Writer, format string) {
	ruleset := pluginVersion{Name: "ruleset." + project.Name, Version: project.Version}
	if format == "json" {
		out, _ := json.MarshalIndent(versionReport{Version: project.Version, Plugins: []pluginVersion{ruleset}}, "", "  ")
		fmt.Fprintln(w, string(out))
		return
	}
	fmt.Fprintf(w, "%s version %s (without tflint)\n", programName, project.Version)
	fmt.Fprintf(w, "+ %s (%s)\n", ruleset.Name, ruleset.Version)
}
