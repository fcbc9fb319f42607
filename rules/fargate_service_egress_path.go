package rules

import (
	"fmt"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ServiceEgressPathRule flags Fargate services whose subnets give their tasks no way to
// what they need at start (image registry, logs, secrets) or while they run (ECS Exec,
// Service Connect).
type ServiceEgressPathRule struct{ meta }

// NewServiceEgressPathRule returns the rule.
func NewServiceEgressPathRule() *ServiceEgressPathRule {
	return &ServiceEgressPathRule{meta{name: "fargate_service_egress_path", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *ServiceEgressPathRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, svc := range m.Services {
			if svc.LaunchType != model.LaunchFargate || len(svc.TaskDefinitions) == 0 {
				continue
			}
			routes, names, ok := m.ServiceSubnets(svc)
			if !ok {
				continue
			}
			nc := svc.Blocks("network_configuration")[0]
			subnets := m.ServiceSubnetResources(svc)
			for i, route := range routes {
				switch route.Egress {
				case model.EgressInternetGateway:
					checkPublicIP(m, e, svc, nc, names[i])
				case model.EgressNone:
					if i < len(subnets) && m.TaskMayUseIPv6(svc, subnets[i]) {
						continue // the tasks may reach AWS over IPv6
					}
					checkPrivateLink(m, e, svc, nc.Body.Attributes["subnets"], names[i], route)
					checkRuntimeLink(m, e, svc, nc.Body.Attributes["subnets"], names[i], route)
				}
			}
		}
	})
}

// checkPublicIP flags a service in a public subnet whose tasks get no public IP.
func checkPublicIP(m *model.Model, e *emitter, svc *model.Service, nc *hclext.Block, subnet string) {
	attr := nc.Body.Attributes["assign_public_ip"]
	on, known := m.Config.Bool(attr)
	if attr != nil && (!known || on) {
		return
	}
	where := nc.DefRange
	if attr != nil {
		where = attr.Expr.Range()
	}
	e.emitf(where, "subnet %s reaches the internet through an internet gateway, which only carries traffic of public IP addresses, and this service's tasks get none (assign_public_ip is false): they cannot pull images or reach AWS (CannotPullContainerError). Set assign_public_ip = true, or use private subnets with a NAT gateway", subnet)
}

// checkPrivateLink flags what the tasks need that a subnet without internet cannot reach.
func checkPrivateLink(m *model.Model, e *emitter, svc *model.Service, subnets *hclext.Attribute, subnet string, route model.SubnetRoute) {
	endpoints, ok := m.EndpointsIn(route.VPC)
	if !ok {
		return
	}
	where := subnets.Expr.Range()
	for _, td := range svc.TaskDefinitions {
		needs := model.TaskNeeds(td)
		if needs.ExternalImage != "" {
			e.emitf(where, "container %s pulls %s, which is outside AWS PrivateLink, but subnet %s has no route to the internet (no NAT gateway or internet gateway): add a NAT gateway route, or copy the image to a private ECR repository (a pull through cache)", needs.ExternalImage, needs.ExternalImageName, subnet)
		}
		var missing []string
		if needs.PrivateECR != "" {
			if !hasService(endpoints, "ecr.dkr", "") && !hasService(endpoints, "ecr.api", "") {
				missing = append(missing, endpointName("ecr.dkr"), endpointName("ecr.api"))
				if !hasService(endpoints, "s3", model.EndpointGateway) {
					missing = append(missing, "an S3 Gateway endpoint (com.amazonaws.<region>.s3) for ECR image layers")
				}
			} else {
				// fargate_vpc_endpoint_set reports a missing member of the ECR set; what is
				// left is whether the S3 Gateway endpoint serves this subnet.
				missing = append(missing, s3RouteProblem(m, endpoints, route)...)
			}
		}
		for _, need := range []struct{ user, service string }{{needs.Logs, "logs"}, {needs.SecretsManager, "secretsmanager"}, {needs.SSM, "ssm"}} {
			if need.user != "" && !hasService(endpoints, need.service, "") {
				missing = append(missing, endpointName(need.service))
			}
		}
		if len(missing) > 0 {
			e.emitf(where, "subnet %s has no route to the internet, and its VPC lacks what the tasks of %s need: %s. Without it they stop with CannotPullContainerError or ResourceInitializationError. Add the missing VPC endpoints, or a NAT gateway route", subnet, td.Label(), strings.Join(missing, ", "))
		}
	}
}

// checkRuntimeLink flags what running tasks call that a subnet without internet cannot
// reach: ECS Exec's Session Manager channel, and the agent endpoint Service Connect's
// proxy is managed through on Fargate.
func checkRuntimeLink(m *model.Model, e *emitter, svc *model.Service, subnets *hclext.Attribute, subnet string, route model.SubnetRoute) {
	endpoints, ok := m.EndpointsIn(route.VPC)
	if !ok {
		return
	}
	where := subnets.Expr.Range()
	if m.ExecEnabled(svc) && !hasService(endpoints, "ssmmessages", "") {
		e.emitf(where, "subnet %s has no route to the internet, and its VPC has no Interface endpoint for com.amazonaws.<region>.ssmmessages, which ECS Exec (enable_execute_command) needs: the Session Manager agent in the tasks cannot open its channel, so aws ecs execute-command fails. Add the endpoint, or a NAT gateway route", subnet)
	}
	if m.ServiceConnectEnabled(svc) && !hasService(endpoints, "ecs-agent", "") {
		e.emitf(where, "subnet %s has no route to the internet, and its VPC has no Interface endpoint for com.amazonaws.<region>.ecs-agent, through which Fargate manages the Envoy proxy of Service Connect (AWS: \"Service Connect management of the Envoy proxy uses the com.amazonaws.region.ecs-agent VPC endpoint.\"): the proxy cannot be managed. Add the endpoint, or a NAT gateway route", subnet)
	}
}

// s3RouteProblem describes an S3 Gateway endpoint that is not on the subnet's route
// table, so ECR's image layers cannot reach the subnet.
func s3RouteProblem(m *model.Model, endpoints []*model.Endpoint, route model.SubnetRoute) []string {
	var gateways []*model.Endpoint
	for _, ep := range endpoints {
		if ep.Service == "s3" && ep.Type == model.EndpointGateway {
			gateways = append(gateways, ep)
		}
	}
	if len(gateways) == 0 {
		return nil
	}
	for _, gw := range gateways {
		tables, ok := m.EndpointRouteTables(gw)
		if !ok {
			return nil
		}
		for _, t := range tables {
			if t == route.Table {
				return nil
			}
		}
	}
	return []string{fmt.Sprintf("the S3 Gateway endpoint %s on %s", gateways[0].Label(), tableName(route.Table))}
}

// endpointName writes the service name of an endpoint for messages.
func endpointName(service string) string {
	return "an Interface endpoint for com.amazonaws.<region>." + service
}

// tableName writes a route table key for messages.
func tableName(table string) string {
	if vpc, isMain := strings.CutPrefix(table, "main:"); isMain {
		return "the main route table of " + model.VPCName(vpc)
	}
	return "route table " + table
}
