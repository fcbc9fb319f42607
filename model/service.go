package model

import "github.com/fargate-lint/tflint-ruleset-fargate/config"

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

// NetworkMode returns the effective network mode of the service's task definition,
// or "" when it is unresolved, unknown, or differs between instances.
func (s *Service) NetworkMode() string {
	mode := ""
	for i, td := range s.TaskDefinitions {
		if td.NetworkMode == "" || (i > 0 && td.NetworkMode != mode) {
			return ""
		}
		mode = td.NetworkMode
	}
	return mode
}
