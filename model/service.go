package model

import (
	"slices"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"
)

// Service is one instance of aws_ecs_service with what it references.
type Service struct {
	*config.Resource

	// TaskDefinitions are the instances of the task definition resource the service's
	// task_definition references; nil when the reference cannot be resolved.
	TaskDefinitions []*TaskDefinition

	// Cluster is the aws_ecs_cluster the service runs in, when it is in this module.
	Cluster []*config.Resource

	// LaunchType is the effective launch type (FARGATE, EC2, EXTERNAL), or "" when it
	// cannot be known.
	LaunchType string

	subnets *serviceSubnets
}

func (m *Model) newService(r *config.Resource) *Service {
	s := &Service{Resource: r}
	for _, res := range m.Config.Resolve(r.Attr("task_definition"), TypeTaskDefinition) {
		s.TaskDefinitions = append(s.TaskDefinitions, m.taskDefs[res])
	}
	s.Cluster = m.clusterOf(r.Attr("cluster"))
	s.LaunchType = m.launchType(s)
	return s
}

// NetworkMode returns the network mode the service's tasks run in: that of its task
// definition, or "" when it is unresolved, unknown, or differs between instances. On
// Fargate it is always awsvpc, the only mode Fargate runs: a task definition that says
// otherwise is a mistake of its own (fargate_service_launch_type reports it), and the
// rules that depend on the mode reason from the one the fix gives.
func (s *Service) NetworkMode() string {
	if s.LaunchType == LaunchFargate {
		return ModeAWSVPC
	}
	return s.TaskNetworkMode()
}

// TaskNetworkMode returns the network mode the service's task definition declares (its
// effective one: bridge when unset), or "" when it is unresolved, unknown, or differs
// between instances.
func (s *Service) TaskNetworkMode() string {
	mode := ""
	for i, td := range s.TaskDefinitions {
		if td.NetworkMode == "" || (i > 0 && td.NetworkMode != mode) {
			return ""
		}
		mode = td.NetworkMode
	}
	return mode
}

// NetworkModeFrom reports whether a task definition of the service, in the same module,
// takes a network mode other than awsvpc from one of variables (var.network_mode): a
// setting computed from that variable follows the mode, and changes with its fix.
func (m *Model) NetworkModeFrom(s *Service, variables []string) bool {
	for _, td := range s.TaskDefinitions {
		if td.NetworkMode == ModeAWSVPC || td.ModulePrefix() != s.ModulePrefix() {
			continue
		}
		if v, ok := m.Config.ReadVariable(td.Resource, "network_mode"); ok && slices.Contains(variables, v) {
			return true
		}
	}
	return false
}
