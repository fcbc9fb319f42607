package model

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// Resource types the model reads. Aliases (aws_alb_*) are the same resources.
const (
	TypeTaskDefinition   = "aws_ecs_task_definition"
	TypeService          = "aws_ecs_service"
	TypeCluster          = "aws_ecs_cluster"
	TypeClusterProviders = "aws_ecs_cluster_capacity_providers"
	TypeCapacityProvider = "aws_ecs_capacity_provider"
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
	TypeSubnet        = "aws_subnet"
	TypeSecurityGroup = "aws_security_group"
	// TypeDefaultSecurityGroup manages a VPC's default security group.
	TypeDefaultSecurityGroup = "aws_default_security_group"
	TypeDiscoveryService     = "aws_service_discovery_service"
)

// watchedTypes are the resource types the model reads, each with what rules need of it.
var watchedTypes = map[string]*hclext.BodySchema{
	TypeTaskDefinition: taskDefinitionSchema,
	TypeService:        serviceSchema,
	TypeCluster: &hclext.BodySchema{Attributes: attrs("name"), Blocks: []hclext.BlockSchema{
		block("service_connect_defaults", &hclext.BodySchema{Attributes: attrs("namespace")}),
	}},
	TypeClusterProviders:     clusterProvidersSchema,
	TypeCapacityProvider:     capacityProviderSchema,
	TypeSubnet:               subnetSchema,
	TypeSecurityGroup:        securityGroupSchema,
	TypeDefaultSecurityGroup: securityGroupSchema,
	TypeDiscoveryService:     discoveryServiceSchema,
	TypeVPC:                  vpcSchema,
	TypeDefaultVPC:           vpcSchema,

	TypeRouteTable:                &hclext.BodySchema{Attributes: attrs("vpc_id", "route"), Blocks: []hclext.BlockSchema{block("route", routeSchema)}},
	TypeDefaultRouteTable:         &hclext.BodySchema{Attributes: attrs("default_route_table_id", "route"), Blocks: []hclext.BlockSchema{block("route", routeSchema)}},
	TypeRoute:                     &hclext.BodySchema{Attributes: append(attrs("route_table_id", "destination_cidr_block", "destination_ipv6_cidr_block"), routeTargets...)},
	TypeRouteTableAssociation:     &hclext.BodySchema{Attributes: attrs("subnet_id", "route_table_id", "gateway_id")},
	TypeMainRouteTableAssociation: &hclext.BodySchema{Attributes: attrs("vpc_id", "route_table_id")},
	TypeInternetGateway:           &hclext.BodySchema{Attributes: attrs("vpc_id")},
	TypeNATGateway:                &hclext.BodySchema{Attributes: attrs("connectivity_type", "subnet_id")},

	TypeVPCEndpoint: &hclext.BodySchema{Attributes: attrs("provider", "vpc_id", "service_name", "vpc_endpoint_type",
		"private_dns_enabled", "subnet_ids", "security_group_ids", "route_table_ids", "policy")},
	TypeVPCEndpointPolicy:                &hclext.BodySchema{Attributes: attrs("vpc_endpoint_id", "policy")},
	TypeEndpointRouteTableAssociation:    &hclext.BodySchema{Attributes: attrs("vpc_endpoint_id", "route_table_id")},
	TypeEndpointSubnetAssociation:        &hclext.BodySchema{Attributes: attrs("vpc_endpoint_id", "subnet_id")},
	TypeEndpointSecurityGroupAssociation: &hclext.BodySchema{Attributes: attrs("vpc_endpoint_id", "security_group_id")},
	TypeSecurityGroupRule:                &hclext.BodySchema{Attributes: attrs("type", "security_group_id", "from_port", "to_port", "protocol", "cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids", "source_security_group_id", "self")},
	TypeSecurityGroupIngressRule:         securityGroupRuleSchema,
	TypeSecurityGroupEgressRule:          securityGroupRuleSchema,
	TypePrivateDNSNamespace:              &hclext.BodySchema{Attributes: attrs("name", "vpc")},

	TypeAutoScalingGroup:    autoScalingGroupSchema,
	TypeLaunchTemplate:      launchTemplateSchema,
	TypeLaunchConfiguration: &hclext.BodySchema{Attributes: attrs("name", "user_data", "user_data_base64", "security_groups")},
	TypeInstance:            instanceSchema,
	TypeAccountSetting:      &hclext.BodySchema{Attributes: attrs("name", "value")},
}

// EC2 capacity and account setting types: what container instances are made of.
const (
	TypeAutoScalingGroup    = "aws_autoscaling_group"
	TypeLaunchTemplate      = "aws_launch_template"
	TypeLaunchConfiguration = "aws_launch_configuration"
	TypeInstance            = "aws_instance"
	// TypeAccountSetting is aws_ecs_account_setting_default (dualStackIPv6 and others).
	TypeAccountSetting = "aws_ecs_account_setting_default"
	// TypeVPCEndpointPolicy sets an endpoint's policy outside the endpoint resource.
	TypeVPCEndpointPolicy = "aws_vpc_endpoint_policy"
)

var subnetSchema = &hclext.BodySchema{Attributes: attrs("vpc_id", "map_public_ip_on_launch", "cidr_block", "ipv6_cidr_block",
	"assign_ipv6_address_on_creation", "ipv6_native")}

var capacityProviderSchema = &hclext.BodySchema{
	Attributes: attrs("name"),
	Blocks: []hclext.BlockSchema{
		block("auto_scaling_group_provider", &hclext.BodySchema{Attributes: attrs("auto_scaling_group_arn")}),
	},
}

// launchTemplateSpec names a launch template inside an Auto Scaling group.
var launchTemplateSpec = &hclext.BodySchema{Attributes: attrs("id", "name", "version")}

var autoScalingGroupSchema = &hclext.BodySchema{
	Attributes: attrs("name", "vpc_zone_identifier", "launch_configuration", "availability_zones"),
	Blocks: []hclext.BlockSchema{
		block("launch_template", launchTemplateSpec),
		block("mixed_instances_policy", &hclext.BodySchema{Blocks: []hclext.BlockSchema{
			block("launch_template", &hclext.BodySchema{Blocks: []hclext.BlockSchema{
				block("launch_template_specification", &hclext.BodySchema{Attributes: attrs("launch_template_id", "launch_template_name", "version")}),
				block("override", &hclext.BodySchema{
					Attributes: attrs("instance_type"),
					Blocks: []hclext.BlockSchema{
						block("launch_template_specification", &hclext.BodySchema{Attributes: attrs("launch_template_id", "launch_template_name", "version")}),
					},
				}),
			}}),
		}}),
	},
}

var launchTemplateSchema = &hclext.BodySchema{
	Attributes: attrs("name", "user_data", "vpc_security_group_ids", "security_group_names"),
	Blocks: []hclext.BlockSchema{
		block("network_interfaces", &hclext.BodySchema{Attributes: attrs("device_index", "network_interface_id",
			"security_groups", "subnet_id", "associate_public_ip_address", "ipv6_address_count")}),
	},
}

var instanceSchema = &hclext.BodySchema{
	Attributes: attrs("subnet_id", "vpc_security_group_ids", "security_groups", "user_data", "user_data_base64"),
	Blocks: []hclext.BlockSchema{
		block("launch_template", launchTemplateSpec),
		block("network_interface", &hclext.BodySchema{Attributes: attrs("network_interface_id", "device_index")}),
	},
}

// Network resource types.
const (
	TypeVPC                              = "aws_vpc"
	TypeDefaultVPC                       = "aws_default_vpc"
	TypeRouteTable                       = "aws_route_table"
	TypeDefaultRouteTable                = "aws_default_route_table"
	TypeRoute                            = "aws_route"
	TypeRouteTableAssociation            = "aws_route_table_association"
	TypeMainRouteTableAssociation        = "aws_main_route_table_association"
	TypeInternetGateway                  = "aws_internet_gateway"
	TypeNATGateway                       = "aws_nat_gateway"
	TypeVPCEndpoint                      = "aws_vpc_endpoint"
	TypeEndpointRouteTableAssociation    = "aws_vpc_endpoint_route_table_association"
	TypeEndpointSubnetAssociation        = "aws_vpc_endpoint_subnet_association"
	TypeEndpointSecurityGroupAssociation = "aws_vpc_endpoint_security_group_association"
	TypeSecurityGroupRule                = "aws_security_group_rule"
	TypeSecurityGroupIngressRule         = "aws_vpc_security_group_ingress_rule"
	TypeSecurityGroupEgressRule          = "aws_vpc_security_group_egress_rule"
	TypePrivateDNSNamespace              = "aws_service_discovery_private_dns_namespace"
)

// securityGroupRefs are the resource types a security group reference may name.
var securityGroupRefs = []string{TypeSecurityGroup, TypeDefaultSecurityGroup}

var vpcSchema = &hclext.BodySchema{Attributes: attrs("cidr_block", "enable_dns_support", "enable_dns_hostnames")}

// routeTargets are the attributes that say where a route sends traffic.
var routeTargets = attrs("gateway_id", "nat_gateway_id", "transit_gateway_id", "network_interface_id",
	"vpc_peering_connection_id", "egress_only_gateway_id", "vpc_endpoint_id", "carrier_gateway_id",
	"local_gateway_id", "core_network_arn", "instance_id")

// routeSchema is an inline route of a route table.
var routeSchema = &hclext.BodySchema{Attributes: append(attrs("cidr_block", "ipv6_cidr_block", "destination_prefix_list_id"), routeTargets...)}

// securityGroupRuleBody is an inline ingress or egress rule of a security group.
var securityGroupRuleBody = &hclext.BodySchema{Attributes: attrs("from_port", "to_port", "protocol", "cidr_blocks",
	"ipv6_cidr_blocks", "prefix_list_ids", "security_groups", "self")}

// securityGroupSchema reads inline rules written as blocks or, in attribute syntax, as
// lists (ingress = [...]).
var securityGroupSchema = &hclext.BodySchema{
	Attributes: attrs("name", "vpc_id", "ingress", "egress"),
	Blocks:     []hclext.BlockSchema{block("ingress", securityGroupRuleBody), block("egress", securityGroupRuleBody)},
}

var securityGroupRuleSchema = &hclext.BodySchema{Attributes: attrs("security_group_id", "from_port", "to_port", "ip_protocol",
	"cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id")}

func init() {
	for _, t := range TargetGroupTypes {
		watchedTypes[t] = targetGroupSchema
	}
	for _, t := range ListenerTypes {
		watchedTypes[t] = &hclext.BodySchema{Attributes: attrs("protocol"), Blocks: []hclext.BlockSchema{block("default_action", forwardAction)}}
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
			block("target_group", &hclext.BodySchema{Attributes: attrs("arn", "weight")}),
		}}),
	},
}

var taskDefinitionSchema = &hclext.BodySchema{
	Attributes: attrs("family", "network_mode", "requires_compatibilities", "cpu", "memory",
		"container_definitions", "execution_role_arn", "task_role_arn", "ipc_mode", "pid_mode"),
	Blocks: []hclext.BlockSchema{
		block("placement_constraints", &hclext.BodySchema{Attributes: attrs("type", "expression")}),
		block("volume", &hclext.BodySchema{
			Attributes: attrs("name", "configure_at_launch"),
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
		block("load_balancer", &hclext.BodySchema{
			Attributes: attrs("target_group_arn", "elb_name", "container_name", "container_port"),
			Blocks: []hclext.BlockSchema{
				block("advanced_configuration", &hclext.BodySchema{Attributes: attrs("alternate_target_group_arn",
					"production_listener_rule", "test_listener_rule", "role_arn")}),
			},
		}),
		block("capacity_provider_strategy", &hclext.BodySchema{Attributes: attrs("capacity_provider", "base", "weight")}),
		block("service_registries", &hclext.BodySchema{Attributes: attrs("registry_arn", "port", "container_name", "container_port")}),
		block("placement_constraints", &hclext.BodySchema{Attributes: attrs("type", "expression")}),
		block("ordered_placement_strategy", &hclext.BodySchema{Attributes: attrs("type", "field")}),
		block("deployment_controller", &hclext.BodySchema{Attributes: attrs("type")}),
		block("deployment_configuration", &hclext.BodySchema{Attributes: attrs("strategy")}),
		block("service_connect_configuration", &hclext.BodySchema{
			Attributes: attrs("enabled", "namespace"),
			Blocks: []hclext.BlockSchema{
				block("service", &hclext.BodySchema{Attributes: attrs("port_name", "discovery_name")}),
			},
		}),
		block("vpc_lattice_configurations", &hclext.BodySchema{Attributes: attrs("port_name", "target_group_arn", "role_arn")}),
		block("volume_configuration", &hclext.BodySchema{Attributes: attrs("name")}),
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
		block("health_check", &hclext.BodySchema{Attributes: attrs("enabled", "protocol", "port", "matcher", "path")}),
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

// settledAttrs are attributes the AWS provider always sets, to a string, once a resource
// is created or a data source read: an unknown value of theirs is refined as not null
// (config.Schema.Settled). A refinement that turns out too optimistic only keeps an
// unknown leaf, which never makes a finding.
var settledAttrs = []string{
	"arn", "name", "value", "insecure_value", "repository_url", "image_uri",
	"account_id", "dns_name", "zone_id", "secret_string", "url", "registry_id",
}
