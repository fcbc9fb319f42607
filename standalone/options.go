package standalone

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Options is tflint's command line, as the standalone linter reads it.
type Options struct {
	Version    bool
	Help       bool
	Init       bool
	Langserver bool
	Format     string
	Config     string
	Chdir      string
	Recursive  bool
	Fix        bool
	Color      bool
	NoColor    bool
	// Force is nil unless --force is given.
	Force                  *bool
	MinimumFailureSeverity string
	// CallModuleType is nil unless --call-module-type is given.
	CallModuleType    *string
	IgnoreModules     []string
	EnableRules       []string
	DisableRules      []string
	Only              []string
	EnablePlugins     []string
	Varfiles          []string
	Variables         []string
	Filter            []string
	NoParallelRunners bool
	// MaxWorkers is nil unless --max-workers is given.
	MaxWorkers *int
	// Args are the arguments that are not options.
	Args []string
}

// option describes one command-line option: its names, the name of its value ("" for a
// switch), the values it accepts (any when empty), its help line and how it is stored.
type option struct {
	long    string
	short   byte
	value   string
	choices []string
	help    string
	set     func(o *Options, v string) error
}

func appendTo(field func(*Options) *[]string) func(*Options, string) error {
	return func(o *Options, v string) error {
		p := field(o)
		*p = append(*p, v)
		return nil
	}
}

func switchOf(field func(*Options) *bool) func(*Options, string) error {
	return func(o *Options, _ string) error {
		*field(o) = true
		return nil
	}
}

// options are tflint's options, in the order --help lists them.
var options = []option{
	{long: "version", short: 'v', help: "Print the version", set: switchOf(func(o *Options) *bool { return &o.Version })},
	{long: "init", help: "Accepted for tflint's sake: there are no plugins to install", set: switchOf(func(o *Options) *bool { return &o.Init })},
	{long: "langserver", help: "Not available without tflint (run tflint --langserver with the plugin)", set: switchOf(func(o *Options) *bool { return &o.Langserver })},
	{long: "format", short: 'f', value: "FORMAT", choices: commandLineFormats, help: "Output format (codeclimate: this binary's own, for GitLab code quality)",
		set: func(o *Options, v string) error { o.Format = v; return nil }},
	{long: "config", short: 'c', value: "FILE", help: "Config file name (default: .tflint.hcl)",
		set: func(o *Options, v string) error { o.Config = v; return nil }},
	{long: "ignore-module", value: "SOURCE", help: "Accepted; the model follows every module call either way",
		set: appendTo(func(o *Options) *[]string { return &o.IgnoreModules })},
	{long: "enable-rule", value: "RULE_NAME", help: "Enable a rule",
		set: appendTo(func(o *Options) *[]string { return &o.EnableRules })},
	{long: "disable-rule", value: "RULE_NAME", help: "Disable a rule",
		set: appendTo(func(o *Options) *[]string { return &o.DisableRules })},
	{long: "only", value: "RULE_NAME", help: "Enable only this rule (repeatable), disabling the others",
		set: appendTo(func(o *Options) *[]string { return &o.Only })},
	{long: "enable-plugin", value: "PLUGIN_NAME", help: "Enable a plugin (only \"fargate\" means something here)",
		set: appendTo(func(o *Options) *[]string { return &o.EnablePlugins })},
	{long: "var-file", value: "FILE", help: "Terraform variable file (repeatable; comma-separated names work too)",
		set: appendTo(func(o *Options) *[]string { return &o.Varfiles })},
	{long: "var", value: "'foo=bar'", help: "Set a Terraform variable (repeatable)",
		set: appendTo(func(o *Options) *[]string { return &o.Variables })},
	{long: "call-module-type", value: "TYPE", choices: []string{"all", "local", "none"}, help: "Module calls whose folders must exist (default: local)",
		set: func(o *Options, v string) error { o.CallModuleType = &v; return nil }},
	{long: "chdir", value: "DIR", help: "Lint the module in DIR; other paths are relative to it",
		set: func(o *Options, v string) error { o.Chdir = v; return nil }},
	{long: "recursive", help: "Lint every folder holding Terraform files, from the current one down", set: switchOf(func(o *Options) *bool { return &o.Recursive })},
	{long: "filter", value: "FILE", help: "Report only issues in these files (names or globs)",
		set: appendTo(func(o *Options) *[]string { return &o.Filter })},
	{long: "force", help: "Exit with 0 even when issues are found",
		set: func(o *Options, _ string) error { t := true; o.Force = &t; return nil }},
	{long: "minimum-failure-severity", value: "SEVERITY", choices: []string{"error", "warning", "notice"}, help: "Lowest severity that makes the exit status non-zero",
		set: func(o *Options, v string) error { o.MinimumFailureSeverity = v; return nil }},
	{long: "color", help: "Colour the default format even when not on a terminal", set: switchOf(func(o *Options) *bool { return &o.Color })},
	{long: "no-color", help: "Do not colour the output", set: switchOf(func(o *Options) *bool { return &o.NoColor })},
	{long: "fix", help: "Fix issues automatically", set: switchOf(func(o *Options) *bool { return &o.Fix })},
	{long: "no-parallel-runners", help: "Accepted; module calls are not linted one by one here", set: switchOf(func(o *Options) *bool { return &o.NoParallelRunners })},
	{long: "max-workers", value: "N", help: "Folders read at once by --recursive (default: number of CPUs)",
		set: func(o *Options, v string) error {
			n, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("--max-workers needs a whole number, not %q", v)
			}
			o.MaxWorkers = &n
			return nil
		}},
	{long: "help", short: 'h', help: "Show this help", set: switchOf(func(o *Options) *bool { return &o.Help })},
}

// ParseOptions reads a command line (without the program name) as tflint reads it:
// long options as --name, --name=value or --name value, short ones as -f value or
// -fvalue, switches combinable (-vh), and -- ending the options.
func ParseOptions(args []string) (*Options, error) {
	o := &Options{}
	for i := 0; i < len(args); i++ {
		arg := args[i]
		switch {
		case arg == "--":
			o.Args = append(o.Args, args[i+1:]...)
			return o, nil
		case strings.HasPrefix(arg, "--"):
			name, value, hasValue := strings.Cut(arg[2:], "=")
			opt := findLong(name)
			if opt == nil {
				return o, fmt.Errorf("unknown option --%s (%s --help lists them)", name, programName)
			}
			if opt.value == "" {
				if hasValue {
					return o, fmt.Errorf("--%s takes no value", name)
				}
				if err := opt.set(o, ""); err != nil {
					return o, err
				}
				continue
			}
			if !hasValue {
				if i+1 == len(args) {
					return o, fmt.Errorf("--%s needs a value", name)
				}
				i++
				value = args[i]
			}
			if err := apply(o, opt, value); err != nil {
				return o, err
			}
		case strings.HasPrefix(arg, "-") && len(arg) > 1:
			n, err := parseShort(o, args, i)
			if err != nil {
				return o, err
			}
			i += n
		default:
			o.Args = append(o.Args, arg)
		}
	}
	return o, nil
}

// parseShort reads the short options in args[i], and returns how many of the following
// arguments it consumed as a value.
func parseShort(o *Options, args []string, i int) (int, error) {
	arg := args[i]
	for j := 1; j < len(arg); j++ {
		opt := findShort(arg[j])
		if opt == nil {
			return 0, fmt.Errorf("unknown option -%c (%s --help lists them)", arg[j], programName)
		}
		if opt.value == "" {
			if err := opt.set(o, ""); err != nil {
				return 0, err
			}
			continue
		}
		if j+1 < len(arg) {
			return 0, apply(o, opt, arg[j+1:])
		}
		if i+1 == len(args) {
			return 0, fmt.Errorf("-%c needs a value", opt.short)
		}
		return 1, apply(o, opt, args[i+1])
	}
	return 0, nil
}

// apply stores an option's value after checking it is one of its choices.
func apply(o *Options, opt *option, value string) error {
	if len(opt.choices) > 0 && !slices.Contains(opt.choices, value) {
		return fmt.Errorf("invalid value %q for --%s: allowed values are %s", value, opt.long, strings.Join(opt.choices, ", "))
	}
	return opt.set(o, value)
}

func findLong(name string) *option {
	for i := range options {
		if options[i].long == name {
			return &options[i]
		}
	}
	return nil
}

func findShort(c byte) *option {
	for i := range options {
		if options[i].short == c {
			return &options[i]
		}
	}
	return nil
}
