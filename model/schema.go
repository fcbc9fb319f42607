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

// Other resource types the model reads.
const (
	TypeSubnet           = "aws_subnet"
	TypeSecurityGroup    = "aws_security_group"
	TypeDiscoveryService = "aws_service_discovery_service"
)

// watchedTypes are the resource types the model reads, each with what rules need of it.
var watchedTypes = map[string]*hclext.BodySchema{
	TypeTaskDefinition:   taskDefinitionSchema,
	TypeService:          serviceSchema,
	TypeCluster:          &hclext.BodySchema{Attributes: attrs("name")},
	TypeClusterProviders: clusterProvidersSchema,
	TypeSubnet:           &hclext.BodySchema{Attributes: attrs("vpc_id")},
	TypeSecurityGroup:    &hclext.BodySchema{Attributes: attrs("name", "vpc_id")},
	TypeDiscoveryService: discoveryServiceSchema,
	"aws_vpc":            vpcSchema,
	"aws_default_vpc":    vpcSchema,
}

var vpcSchema = &hclext.BodySchema{Attributes: attrs("cidr_block", "enable_dns_support", "enable_dns_hostnames")}

func init() {
	for _, t := range TargetGroupTypes {
		watchedTypes[t] = targetGroupSchema
	}
	for _, t := range ListenerTypes {
		watchedTypes[t] = &hclext.BodySchema{Blocks: []hclext.BlockSchema{block("default_action", forwardAction)}}
	}
	for _, t := range ListenerRuleTypes {
		watchedTypes[t] = &hclext.BodySchema{Blocks: []hclext.BlockSchema{block("action", forwardAction)}}
	}
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

var taskDefinitionSchema = &hclext.BodySchema{
	Attributes: attrs("family", "network_mode", "requires_compatibilities", "cpu", "memory",
		"container_definitions", "execution_role_arn", "task_role_arn", "ipc_mode", "pid_mode"),
	Blocks: []hclext.BlockSchema{
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
	},
}

var serviceSchema = &hclext.BodySchema{
	Attributes: attrs("name", "cluster", "task_definition", "launch_type", "platform_version", "iam_role",
		"scheduling_strategy", "enable_execute_command", "depends_on"),
	Blocks: []hclext.BlockSchema{
		block("network_configuration", &hclext.BodySchema{Attributes: attrs("subnets", "security_groups", "assign_public_ip")}),
		block("load_balancer", &hclext.BodySchema{Attributes: attrs("target_group_arn", "elb_name", "container_name", "container_port")}),
		block("capacity_provider_strategy", &hclext.BodySchema{Attributes: attrs("capacity_provider", "base", "weight")}),
		block("service_registries", &hclext.BodySchema{Attributes: attrs("registry_arn", "port", "container_name", "container_port")}),
		block("placement_constraints", &hclext.BodySchema{Attributes: attrs("type", "expression")}),
		block("ordered_placement_strategy", &hclext.BodySchema{Attributes: attrs("type", "field")}),
		block("deployment_controller", &hclext.BodySchema{Attributes: attrs("type")}),
		block("service_connect_configuration", &hclext.BodySchema{Attributes: attrs("enabled")}),
	},
}

var clusterProvidersSchema = &hclext.BodySchema{
	Attributes: attrs("cluster_name", "capacity_providers"),
	Blocks: []hclext.BlockSchema{
		block("default_capacity_provider_strategy", &hclext.BodySchema{Attributes: attrs("capacity_provider", "base", "weight")}),
	},
}

var targetGroupSchema = &hclext.BodySchema{
	Attributes: attrs("name", "target_type", "port", "protocol", "vpc_id"),
	Blocks: []hclext.BlockSchema{
		block("health_check", &hclext.BodySchema{Attributes: attrs("enabled", "protocol", "port")}),
	},
}

var discoveryServiceSchema = &hclext.BodySchema{
	Attributes: attrs("name"),
	Blocks: []hclext.BlockSchema{
		block("dns_config", &hclext.BodySchema{Blocks: []hclext.BlockSchema{
			block("dns_records", &hclext.BodySchema{Attributes: attrs("type")}),
		}}),
	},
}
