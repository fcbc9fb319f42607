// Package rules holds the fargate rules, one per file. Each rule asks the module model
// (package model) for what it needs and decides nothing the model already decides.
package rules

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"
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
		NewTargetGroupTypeRule(),
		NewServiceClassicELBRule(),
		NewServiceLoadBalancerContainerRule(),
		NewTargetGroupAttachedRule(),
		NewTargetGroupHealthCheckRule(),
		NewTargetGroupVPCRule(),
		NewServiceDefaultSecurityGroupRule(),
		NewVPCEndpointTypeRule(),
		NewVPCEndpointPrivateDNSRule(),
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

// emitter collects the first error of a rule's EmitIssue calls so rules can report in
// loops and return once.
type emitter struct {
	runner tflint.Runner
	rule   tflint.Rule
	err    error
}

func (e *emitter) emit(message string, rng hcl.Range) {
	if e.err == nil {
		e.err = e.runner.EmitIssue(e.rule, message, rng)
	}
}

func (e *emitter) emitWithFix(message string, rng hcl.Range, fix func(tflint.Fixer) error) {
	if e.err == nil {
		e.err = e.runner.EmitIssueWithFix(e.rule, message, rng, fix)
	}
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
	e := &emitter{runner: runner, rule: rule}
	check(m, e)
	return e.err
}

// subject names a resource at the start of a message reported on its block: "this
// Interface endpoint" in the root module, where the block is the resource; with its
// address and instance key in a called module, whose block many instances share.
func subject(r *config.Resource, what string) string {
	if label := r.Label(); label != r.Name {
		return what + " " + label
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

// replaceWith returns a fix that replaces the text at rng with text.
func replaceWith(rng hcl.Range, text string) func(tflint.Fixer) error {
	return func(f tflint.Fixer) error { return f.ReplaceText(rng, text) }
}
