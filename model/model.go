// Package model answers the questions rules share about Amazon ECS and the VPC as AWS
// sees them: task definitions with their containers and effective network mode,
// services with their effective launch type, clusters and capacity providers, target
// groups and listeners, subnets with their routes, security groups (the union an
// interface gets, answered once), VPC endpoints and their policies, the callers of AWS
// services and container instances, and what a task needs to reach.
//
// It is built on a loaded configuration (package config), which it asks only Terraform
// questions: which resource instances exist, what an attribute evaluates to, what a
// reference points at, what Terraform creates first, where a value was written. It hands
// the configuration what to read (its schema) and answers the few AWS data sources whose
// value the configuration decides (aws_region, aws_partition, aws_vpc_endpoint_service,
// aws_iam_policy_document). Evaluation, module loading and placement are the
// configuration's; reading as AWS does is the model's. Rules ask the model their AWS
// questions, and the configuration (Model.Config) their Terraform ones: an attribute's
// value, what it references, where to report.
//
// The files build on each other in one direction, from the foundations up: schema.go
// (the resource types and what is read of each), platform.go, volumes.go and
// serviceconnect.go (settings read as AWS reads them), efs.go, taskdef.go, portnames.go
// and needs.go (task definitions, their containers and what they need to reach),
// network.go (VPCs and what refers to them), bluegreen.go (listeners and blue/green
// target groups), cluster.go (clusters, capacity providers, launch types), routes.go
// (route tables and subnets' egress), endpoints.go, policydoc.go, data.go and policy.go
// (VPC endpoints, the data sources the model answers, endpoint policies), secgroups.go,
// defaultgroup.go and egressreach.go (security group rules, the union an interface
// gets, a VPC's default group, where egress reaches), service.go, instances.go
// (container instances) and callers.go (what calls AWS services from where), up to
// model.go (Build) and runner.go (the runner rules report through). A test holds them
// to this order.
package model

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"
)

// Model is what the plugin knows of the ECS and VPC resources of the configuration
// tflint checks: the root module and every module it calls.
type Model struct {
	// Config is the configuration the model reads, for the Terraform questions rules ask
	// (an attribute's value, where to report).
	Config *config.Config

	// TaskDefinitions, Services, TargetGroups and Endpoints are the instances of those
	// resources in every module, in source order.
	TaskDefinitions []*TaskDefinition
	Services        []*Service
	TargetGroups    []*config.Resource
	Endpoints       []*Endpoint

	// ProviderRegion is the region of the root module's one aws provider configuration,
	// "" when there is none, several, or its region is not known.
	ProviderRegion string

	taskDefs  map[*config.Resource]*TaskDefinition
	routes    *routeIndex
	instances *instanceIndex
	// callers are the answer of Callers, worked out once (nil until then).
	callers []*Caller
}

// Build reads the configuration of the root module runner checks (see config.Load) and
// the ECS and VPC resources in it.
func Build(runner tflint.Runner) (*Model, error) {
	data := &awsData{}
	cfg, err := config.Load(runner, config.Schema{Resources: watchedTypes, Computed: []string{"arn"}, Settled: settledAttrs,
		Providers: []string{"aws"}, Data: data})
	if err != nil {
		return nil, err
	}
	return newModel(cfg, data), nil
}

// newModel works out the resources the model holds from a loaded configuration.
func newModel(cfg *config.Config, data *awsData) *Model {
	m := &Model{Config: cfg, ProviderRegion: data.region(cfg), taskDefs: map[*config.Resource]*TaskDefinition{}}
	for _, t := range TargetGroupTypes {
		m.TargetGroups = append(m.TargetGroups, cfg.OfType(t)...)
	}
	for _, r := range cfg.OfType(TypeTaskDefinition) {
		td := m.newTaskDefinition(r)
		m.taskDefs[r] = td
		m.TaskDefinitions = append(m.TaskDefinitions, td)
	}
	for _, r := range cfg.OfType(TypeService) {
		s := m.newService(r)
		m.Services = append(m.Services, s)
		if s.LaunchType == LaunchFargate {
			for _, td := range s.TaskDefinitions {
				td.RunOnFargate = td.NoCompatibilities()
			}
		}
	}
	for _, r := range cfg.OfType(TypeVPCEndpoint) {
		m.Endpoints = append(m.Endpoints, m.newEndpoint(r))
	}
	return m
}
