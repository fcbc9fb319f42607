// Package rules holds the fargate rules, one per file. Each rule asks the module model
// (package model) for what it needs and decides nothing the model already decides.
package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
	"github.com/fargate-lint/tflint-ruleset-fargate/project"
	"github.com/fargate-lint/tflint-ruleset-fargate/tree"
)

// All returns every rule of the plugin.
func All() []tflint.Rule {
	return []tflint.Rule{
		NewContainerDefinitionsSyntaxRule(),
		NewTaskNetworkModeRule(),
		NewAwsvpcHostPortRule(),
		NewAwsvpcContainerOptionsRule(),
		NewTaskPortConflictsRule(),
		NewTaskExecutionRoleRule(),
		NewTaskRoleRule(),
		NewEFSTransitEncryptionRule(),
		NewTaskSizeRule(),
		NewTaskUnsupportedRule(),
		NewLogConfigurationRule(),
		NewServiceNetworkConfigurationRule(),
		NewServiceLaunchTypeRule(),
		NewServiceTaskCompatibilityRule(),
		NewServicePublicIPRule(),
		NewServiceLimitsRule(),
		NewServicePlatformVersionRule(),
		NewServiceIAMRoleRule(),
		NewServiceUnsupportedRule(),
		NewServiceRegistriesRule(),
		NewServicePortNameRule(),
		NewServiceVolumeConfigurationRule(),
		NewServiceBlueGreenRule(),
		NewTargetGroupTypeRule(),
		NewServiceClassicELBRule(),
		NewServiceLoadBalancerContainerRule(),
		NewTargetGroupAttachedRule(),
		NewTargetGroupHealthCheckRule(),
		NewTargetGroupVPCRule(),
		NewServiceDefaultSecurityGroupRule(),
		NewVPCEndpointTypeRule(),
		NewVPCEndpointPrivateDNSRule(),
		NewVPCEndpointBypassedRule(),
		NewVPCEndpointPlacementRule(),
		NewVPCEndpointSecurityGroupRule(),
		NewVPCDNSRule(),
		NewVPCEndpointSetRule(),
		NewServiceEgressPathRule(),
		NewServiceSecurityGroupEgressRule(),
		NewContainerInstanceEgressPathRule(),
		NewVPCEndpointPolicyRule(),
		NewBridgeDynamicPortsRule(),
	}
}

// meta is what every rule declares about itself.
type meta struct {
	tflint.DefaultRule
	name        string
	severity    tflint.Severity
	recommended bool
}

// Name returns the rule name.
func (m *meta) Name() string { return m.name }

// Enabled reports whether the rule is in the recommended preset, which is the default.
func (m *meta) Enabled() bool { return m.recommended }

// Severity returns the rule severity.
func (m *meta) Severity() tflint.Severity { return m.severity }

// Link returns the absolute URL of the rule's documentation.
func (m *meta) Link() string { return project.ReferenceLink(m.name) }

// emitter gathers a rule's findings and reports them when the rule is done, so rules
// can report in loops and return once. Instances of a count or for_each resource (or of
// a module call) share their source: the same mistake in several of them is one finding,
// on the one place where it is fixed, naming the instances.
type emitter struct {
	runner  tflint.Runner
	rule    tflint.Rule
	model   *model.Model
	pending []finding
}

// finding is one reported mistake, with its fix (nil when it has none).
type finding struct {
	message string
	rng     hcl.Range
	fix     func(tflint.Fixer) error
}

func (e *emitter) emit(message string, rng hcl.Range) {
	e.pending = append(e.pending, finding{message: message, rng: rng})
}

func (e *emitter) emitWithFix(message string, rng hcl.Range, fix func(tflint.Fixer) error) {
	e.pending = append(e.pending, finding{message: message, rng: rng, fix: fix})
}

// instanceKey matches an instance key in an address: [0] or ["name"].
var instanceKey = regexp.MustCompile(`\[(?:\d+|"(?:[^"\\]|\\.)*")\]`)

// flush reports the gathered findings, one per place and mistake, and returns the first
// error tflint gave.
//
// A finding in a called module's file names that module's resources as the module's own
// code does (aws_lb_target_group.this, not module.api.aws_lb_target_group.this), so it
// reads the same whether tflint reaches the module from a caller or lints its folder on
// its own (as --recursive does); the instances of the module call it comes from are named
// after it when the module's file serves several instances.
func (e *emitter) flush() error {
	type group struct {
		first     finding
		instances []string // the module instances the finding was seen in
		keys      []string // the differing instance keys of other resources' instances
	}
	var order []string
	groups := map[string]*group{}
	for _, f := range e.pending {
		message, in := e.relativeNames(f.message, f.rng.Filename)
		id := f.rng.String() + "\x00" + instanceKey.ReplaceAllString(message, "[]")
		g := groups[id]
		if g == nil {
			g = &group{first: finding{message: message, rng: f.rng, fix: f.fix}}
			groups[id] = g
			order = append(order, id)
		} else if message != g.first.message {
			var differing []string
			firstKeys := instanceKey.FindAllString(g.first.message, -1)
			for i, k := range instanceKey.FindAllString(message, -1) {
				if (i >= len(firstKeys) || k != firstKeys[i]) && !slices.Contains(differing, k) {
					differing = append(differing, k)
				}
			}
			if keys := strings.Join(differing, ""); keys != "" && !slices.Contains(g.keys, keys) {
				g.keys = append(g.keys, keys)
			}
		}
		if in != "" && !slices.Contains(g.instances, in) {
			g.instances = append(g.instances, in)
		}
	}
	for _, id := range order {
		g := groups[id]
		message := g.first.message
		if len(g.keys) > 0 {
			message += " (the same for instances " + joinAnd(g.keys) + ")"
		}
		// Name the instances when the file serves several: a keyed call, or the same
		// module called more than once.
		if len(g.instances) > 1 || (len(g.instances) == 1 && (strings.Contains(g.instances[0], "[") || len(e.model.Config.ModuleInstancesIn(g.first.rng.Filename)) > 1)) {
			message += " (in " + joinAnd(g.instances) + ")"
		}
		var err error
		if g.first.fix != nil {
			err = e.runner.EmitIssueWithFix(e.rule, message, g.first.rng, g.first.fix)
		} else {
			err = e.runner.EmitIssue(e.rule, message, g.first.rng)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// relativeNames rewrites the addresses of a message reported in a called module's file
// as that module names them, and returns the module instance they were in ("" when the
// file is not a called module's, or the message names none of its resources).
func (e *emitter) relativeNames(message, filename string) (string, string) {
	if e.model == nil {
		return message, ""
	}
	paths := e.model.Config.ModuleInstancesIn(filename)
	// Longer paths first, so module.a["x"] is not taken for module.a.
	slices.SortFunc(paths, func(a, b string) int { return len(b) - len(a) })
	for _, p := range paths {
		if strings.Contains(message, p+".") {
			return strings.ReplaceAll(message, p+".", ""), p
		}
	}
	return message, ""
}

// emitMaybeFix reports a finding with fix, or without one when fix is nil.
func (e *emitter) emitMaybeFix(message string, rng hcl.Range, fix func(tflint.Fixer) error) {
	if fix == nil {
		e.emit(message, rng)
		return
	}
	e.emitWithFix(message, rng, fix)
}

func (e *emitter) emitf(rng hcl.Range, format string, args ...any) {
	e.emit(fmt.Sprintf(format, args...), rng)
}

// nonEmpty reports whether n is a known array with at least one element.
func nonEmpty(n *tree.Node) bool {
	items, ok := n.Elements()
	return ok && len(items) > 0
}

// checkModule runs check over the model of the module runner is checking, and returns
// the first error reporting a finding. A module the model cannot read has no findings.
func checkModule(runner tflint.Runner, rule tflint.Rule, check func(*model.Model, *emitter)) error {
	m := model.Of(runner)
	if m == nil {
		return nil
	}
	e := &emitter{runner: runner, rule: rule, model: m}
	check(m, e)
	return e.flush()
}

// subject names a resource at the start of a message reported on its block: "this
// Interface endpoint" in the root module, where the block is the resource; with its
// address and instance key in a called module, whose block many instances share.
func subject(r *config.Resource, what string) string {
	if r.ModulePrefix() != "" {
		return what + " " + r.Label()
	}
	return "this " + what
}

// emptyList reports whether attr is absent, null, or a known empty list.
func emptyList(m *model.Model, attr *hclext.Attribute) bool {
	if attr == nil || !m.Config.Set(attr) {
		return true
	}
	v := m.Config.Value(attr.Expr)
	return v.IsKnown() && !v.IsNull() && !v.IsMarked() && v.CanIterateElements() && v.LengthInt() == 0
}

// insertAttribute returns a fix that adds an attribute line at the top of a resource
// block; tflint formats the file afterwards.
func insertAttribute(r *config.Resource, line string) func(tflint.Fixer) error {
	return func(f tflint.Fixer) error {
		if r.OpenBrace.Filename == "" {
			return tflint.ErrFixNotSupported
		}
		return f.InsertTextAfter(r.OpenBrace, "\n"+line)
	}
}

// replaceValue returns a fix that writes text over attr's value, and a note for the
// finding's message. A fix only overwrites a literal written in the attribute itself:
// a value from a variable, a local or a module argument is decided elsewhere too (by
// other environments, other readers), so it gets no fix, and the note says where the
// value comes from.
func replaceValue(m *model.Model, attr *hclext.Attribute, text string) (fix func(tflint.Fixer) error, note string) {
	if m.Config.WrittenLiteral(attr) {
		return replaceWith(attr.Expr.Range(), text), ""
	}
	from := m.Config.ValueFrom(attr)
	switch {
	case strings.HasPrefix(from, "var."):
		return nil, " (the value comes from " + from + ": change what sets it, its default, a tfvars file or a module argument, rather than the reference)"
	case from != "":
		return nil, " (the value comes from " + from + ": change it there)"
	}
	return nil, ""
}

// replaceWith returns a fix that replaces the text at rng with text.
func replaceWith(rng hcl.Range, text string) func(tflint.Fixer) error {
	return func(f tflint.Fixer) error { return f.ReplaceText(rng, text) }
}
