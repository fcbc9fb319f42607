// Package model answers, once per module, the questions every rule shares: which
// resources exist (with count, for_each and dynamic blocks expanded as tflint expands
// them), what a reference points to, the effective network mode of a task definition,
// and the decoded containers with the source range of every key.
//
// A module costs two queries to tflint, whatever the number of resources and rules, plus
// one evaluation per input variable that a watched attribute reads.
package model

import (
	"fmt"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"

	"github.com/fargate-lint/tflint-ruleset-fargate/hcleval"
)

// Module is what the plugin knows of one Terraform module.
type Module struct {
	// TaskDefinitions, Services and TargetGroups are the instances of those resources,
	// in source order.
	TaskDefinitions []*TaskDefinition
	Services        []*Service
	TargetGroups    []*Resource

	byAddress map[string][]*Resource
	byType    map[string][]*Resource
	dynamic   map[string]map[string]bool
	eval      *hcleval.Evaluator
	values    map[hcl.Expression]cty.Value
	taskDefs  map[*Resource]*TaskDefinition
}

// Resource is one instance of a resource block.
type Resource struct {
	Type  string
	Name  string
	Block *hclext.Block
}

// Address is the resource's type.name.
func (r *Resource) Address() string { return r.Type + "." + r.Name }

// Attr returns the attribute name of the resource, or nil.
func (r *Resource) Attr(name string) *hclext.Attribute {
	return r.Block.Body.Attributes[name]
}

// Blocks returns the nested blocks of type typ.
func (r *Resource) Blocks(typ string) []*hclext.Block {
	return r.Block.Body.Blocks.OfType(typ)
}

// Build reads the module runner is checking.
func Build(runner tflint.Runner) (*Module, error) {
	raw, err := runner.GetModuleContent(rawSchema, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
	if err != nil {
		return nil, fmt.Errorf("reading locals: %w", err)
	}
	content, err := runner.GetModuleContent(moduleSchema, nil)
	if err != nil {
		return nil, fmt.Errorf("reading resources: %w", err)
	}

	m := newModule()
	locals := map[string]hcl.Expression{}
	moduleDir := "."
	for _, b := range raw.Blocks {
		switch b.Type {
		case "locals":
			for name, a := range b.Body.Attributes {
				locals[name] = a.Expr
			}
			moduleDir = filepath.Dir(b.DefRange.Filename)
		case "resource":
			moduleDir = filepath.Dir(b.DefRange.Filename)
			for _, d := range b.Body.Blocks {
				addr := b.Labels[0] + "." + b.Labels[1]
				if m.dynamic[addr] == nil {
					m.dynamic[addr] = map[string]bool{}
				}
				m.dynamic[addr][d.Labels[0]] = true
			}
		}
	}
	m.eval = hcleval.New(locals, moduleDir, variableSource(runner))

	for _, b := range content.Blocks {
		if !watchedTypes[b.Labels[0]] {
			continue
		}
		r := &Resource{Type: b.Labels[0], Name: b.Labels[1], Block: b}
		m.byAddress[r.Address()] = append(m.byAddress[r.Address()], r)
		m.byType[r.Type] = append(m.byType[r.Type], r)
	}
	for _, t := range TargetGroupTypes {
		m.TargetGroups = append(m.TargetGroups, m.byType[t]...)
	}
	for _, r := range m.byType[TypeTaskDefinition] {
		td := m.newTaskDefinition(r)
		m.taskDefs[r] = td
		m.TaskDefinitions = append(m.TaskDefinitions, td)
	}
	for _, r := range m.byType[TypeService] {
		m.Services = append(m.Services, m.newService(r))
	}
	return m, nil
}

func newModule() *Module {
	return &Module{
		byAddress: map[string][]*Resource{},
		byType:    map[string][]*Resource{},
		dynamic:   map[string]map[string]bool{},
		values:    map[hcl.Expression]cty.Value{},
		taskDefs:  map[*Resource]*TaskDefinition{},
	}
}

// variableSource asks tflint for input variables: only it knows the caller's arguments,
// tfvars files and -var flags.
func variableSource(runner tflint.Runner) hcleval.VariableSource {
	return func(_ string, ref hcl.Expression) cty.Value {
		var v cty.Value
		err := runner.EvaluateExpr(ref, &v, &tflint.EvaluateExprOption{WantType: &cty.DynamicPseudoType})
		if err != nil {
			return cty.DynamicVal
		}
		return v
	}
}

// MayHaveDynamic reports whether the resource declares a dynamic block of type typ,
// which may have expanded to nothing only because its for_each is not known yet.
func (m *Module) MayHaveDynamic(r *Resource, typ string) bool {
	return m.dynamic[r.Address()][typ]
}

// Missing reports whether the resource certainly has no block of type typ.
func (m *Module) Missing(r *Resource, typ string) bool {
	return len(r.Blocks(typ)) == 0 && !m.MayHaveDynamic(r, typ)
}

// Value evaluates expr in the module; unknown parts stay unknown.
func (m *Module) Value(expr hcl.Expression) cty.Value {
	if v, ok := m.values[expr]; ok {
		return v
	}
	v := m.eval.Value(expr)
	m.values[expr] = v
	return v
}
