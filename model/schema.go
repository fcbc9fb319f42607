package model

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// Resource types the model reads. Aliases (aws_alb_*) are the same resources.
const (
	TypeTaskDefinition   = "aws_ecs_task_definition"
	TypeService          = "aws_ecs_service"
	TypeCluster          = "aws_ecs_cluster"
	TypeClusterProviders = "aws_ecs_cluster_capacity_providers"
)

// TargetGroupTypes, ListenerTypes and ListenerRuleTypes list each resource under its
// names.
var (
	TargetGroupTypes  = []string{"aws_lb_target_group", "aws_alb_target_group"}
	ListenerTypes     = []string{"aws_lb_listener", "aws_alb_listener"}
	ListenerRuleTypes = []string{"aws_lb_listener_rule", "aws_alb_listener_rule"}
)

// watchedTypes are the resource types whose blocks the model keeps.
var watchedTypes = map[string]bool{
	TypeTaskDefinition: true, TypeService: true, TypeCluster: true, TypeClusterProviders: true,
	"aws_lb_target_group": true, "aws_alb_target_group": true,
	"aws_lb_listener": true, "aws_alb_listener": true,
	"aws_lb_listener_rule": true, "aws_alb_listener_rule": true,
}

func attrs(names ...string) []hclext.AttributeSchema {
	out := make([]hclext.AttributeSchema, len(names))
	for i, n := range names {
		out[i] = hclext.AttributeSchema{Name: n}
	}
	return out
}

func block(typ string, body *hclext.BodySchema) hclext.BlockSchema {
	return hclext.BlockSchema{Type: typ, Body: body}
}

// forwardAction is the body of a listener's default_action and a listener rule's action.
var forwardAction = &hclext.BodySchema{
	Attributes: attrs("type", "target_group_arn"),
	Blocks: []hclext.BlockSchema{
		block("forward", &hclext.BodySchema{Blocks: []hclext.BlockSchema{
			block("target_group", &hclext.BodySchema{Attributes: attrs("arn")}),
		}}),
	},
}

// resourceSchema is what the model reads of every watched resource type: the union of
// what any rule needs.
var resourceSchema = &hclext.BodySchema{
	Attributes: attrs(
		// shared
		"name", "depends_on",
		// aws_ecs_task_definition
		"family", "network_mode", "requires_compatibilities", "cpu", "memory",
		"container_definitions", "execution_role_arn", "task_role_arn", "ipc_mode", "pid_mode",
		// aws_ecs_service
		"cluster", "task_definition", "launch_type", "platform_version", "iam_role",
		"scheduling_strategy", "enable_execute_command",
		// aws_ecs_cluster_capacity_providers
		"cluster_name", "capacity_providers",
		// target groups
		"target_type", "port", "protocol", "vpc_id",
	),
	Blocks: []hclext.BlockSchema{
		// aws_ecs_task_definition
		block("placement_constraints", &hclext.BodySchema{Attributes: attrs("type", "expression")}),
		block("volume", &hclext.BodySchema{
			Attributes: attrs("name"),
			Blocks: []hclext.BlockSchema{
				block("efs_volume_configuration", &hclext.BodySchema{
					Attributes: attrs("file_system_id", "transit_encryption"),
					Blocks: []hclext.BlockSchema{
						block("authorization_config", &hclext.BodySchema{Attributes: attrs("iam", "access_point_id")}),
					},
				}),
			},
		}),
		block("runtime_platform", &hclext.BodySchema{Attributes: attrs("operating_system_family", "cpu_architecture")}),
		block("ephemeral_storage", &hclext.BodySchema{Attributes: attrs("size_in_gib")}),
		block("inference_accelerator", &hclext.BodySchema{Attributes: attrs("device_name")}),
		// aws_ecs_service
		block("network_configuration", &hclext.BodySchema{Attributes: attrs("subnets", "security_groups", "assign_public_ip")}),
		block("load_balancer", &hclext.BodySchema{Attributes: attrs("target_group_arn", "elb_name", "container_name", "container_port")}),
		block("capacity_provider_strategy", &hclext.BodySchema{Attributes: attrs("capacity_provider", "base", "weight")}),
		block("default_capacity_provider_strategy", &hclext.BodySchema{Attributes: attrs("capacity_provider", "base", "weight")}),
		block("service_registries", &hclext.BodySchema{Attributes: attrs("registry_arn", "port", "container_name", "container_port")}),
		block("ordered_placement_strategy", &hclext.BodySchema{Attributes: attrs("type", "field")}),
		block("deployment_controller", &hclext.BodySchema{Attributes: attrs("type")}),
		// target groups
		block("health_check", &hclext.BodySchema{Attributes: attrs("enabled", "protocol", "port")}),
		// listeners and rules
		block("default_action", forwardAction),
		block("action", forwardAction),
	},
}
