package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// ServiceTaskCompatibilityRule is retired: it reports nothing. It warned when a Fargate
// service ran an awsvpc task definition without requires_compatibilities, but ECS
// computes a task definition's compatibilities when it is registered and includes
// FARGATE when the definition meets Fargate's requirements, so such services deploy.
// What AWS does refuse (no task-level cpu or memory, another network mode, a parameter
// Fargate rejects) is reported, with its reason, by fargate_task_size,
// fargate_service_launch_type and fargate_task_unsupported, which hold such a task
// definition to Fargate's rules. The rule stays registered, so that configurations
// naming it keep loading.
type ServiceTaskCompatibilityRule struct{ meta }

// NewServiceTaskCompatibilityRule returns the rule.
func NewServiceTaskCompatibilityRule() *ServiceTaskCompatibilityRule {
	return &ServiceTaskCompatibilityRule{meta{name: "fargate_service_task_compatibility", severity: tflint.WARNING}}
}

// Check reports nothing: the rule is retired.
func (r *ServiceTaskCompatibilityRule) Check(tflint.Runner) error {
	return nil
}
