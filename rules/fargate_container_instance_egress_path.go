package rules

import (
	"fmt"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"
	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ContainerInstanceEgressPathRule flags EC2 container instances in subnets with no route
// out whose VPC lacks an endpoint the ECS agent, or the tasks it runs, needs.
type ContainerInstanceEgressPathRule struct{ meta }

// NewContainerInstanceEgressPathRule returns the rule.
func NewContainerInstanceEgressPathRule() *ContainerInstanceEgressPathRule {
	return &ContainerInstanceEgressPathRule{meta{name: "fargate_container_instance_egress_path", severity: tflint.ERROR, recommended: true}}
}

// instanceEndpoints are the Interface endpoint services a container instance may need,
// in the order messages list them.
var instanceEndpoints = []string{"ecs", "ecs-agent", "ecs-telemetry", "ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm"}

// Check runs the rule.
func (r *ContainerInstanceEgressPathRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		if len(m.ContainerInstances()) == 0 {
			return // Fargate only: nothing to check, and no callers to work out
		}
		for _, c := range m.Callers() {
			if c.Group == nil || c.SubnetsAttr == nil {
				continue
			}
			for _, hole := range isolatedSubnets(m, c.Subnets) {
				checkInstancePath(m, e, c, hole)
			}
		}
	})
}

// isolated is the subnets of one route table with no route to the internet.
type isolated struct {
	route   model.SubnetRoute
	subnets []string
}

// isolatedSubnets groups, by route table, the subnets that certainly have no route out,
// over IPv4 or IPv6.
func isolatedSubnets(m *model.Model, subnets []*config.Resource) []*isolated {
	var out []*isolated
	byTable := map[string]*isolated{}
	for _, s := range subnets {
		route := m.SubnetRouting(s)
		if route.Egress != model.EgressNone || m.SubnetMayUseIPv6(s) {
			continue
		}
		hole := byTable[route.Table]
		if hole == nil {
			hole = &isolated{route: route}
			byTable[route.Table] = hole
			out = append(out, hole)
		}
		if !containsString(hole.subnets, s.Address()) {
			hole.subnets = append(hole.subnets, s.Address())
		}
	}
	return out
}

// checkInstancePath flags what container instances in isolated subnets need and their
// VPC does not offer.
func checkInstancePath(m *model.Model, e *emitter, c *model.Caller, hole *isolated) {
	endpoints, ok := m.EndpointsIn(hole.route.VPC)
	if !ok {
		return
	}
	where := c.SubnetsAttr.Expr.Range()
	subnets := strings.Join(hole.subnets, ", ")
	if c.External != "" {
		e.emitf(where, "container %s pulls %s, which is outside AWS PrivateLink, and runs on %s in subnet %s, which has no route to the internet (no NAT gateway or internet gateway): add a NAT gateway route, or copy the image to a private ECR repository (a pull through cache)", c.External, c.ExternalImage, c.Label, subnets)
	}
	var missing, effects []string
	effect := func(text string) {
		if !containsString(effects, text) {
			effects = append(effects, text)
		}
	}
	for _, service := range instanceEndpoints {
		why, needed := c.Needs[service]
		if needed && !hasService(endpoints, service, "") {
			missing = append(missing, fmt.Sprintf("%s (%s)", endpointName(service), why))
			effect(instanceEffects[service])
		}
	}
	if why, needed := c.Needs["s3"]; needed {
		problem := s3GatewayMissing(m, endpoints, hole.route)
		if !hasService(endpoints, "s3", model.EndpointGateway) {
			problem = []string{fmt.Sprintf("an S3 Gateway endpoint (com.amazonaws.<region>.s3) for ECR image layers (%s)", why)}
		}
		if len(problem) > 0 {
			missing = append(missing, problem...)
			effect(instanceEffects["s3"])
		}
	}
	if len(missing) == 0 {
		return
	}
	if containsString(effects, instanceEffects["ecs"]) {
		effects = []string{instanceEffects["ecs"]} // nothing else happens on them
	}
	e.emitf(where, "subnet %s of %s has no route to the internet (no NAT gateway or internet gateway), and the VPC lacks %s: %s. Add the missing VPC endpoints, or a NAT gateway route", subnets, c.Label, joinAnd(missing), strings.Join(effects, "; "))
}

// s3GatewayMissing describes an S3 Gateway endpoint of the VPC that is not on the
// subnets' route table; nothing when one is, or when that cannot be told.
func s3GatewayMissing(m *model.Model, endpoints []*model.Endpoint, route model.SubnetRoute) []string {
	var first *model.Endpoint
	for _, ep := range endpoints {
		if ep.Service != "s3" || ep.Type != model.EndpointGateway {
			continue
		}
		tables, ok := m.GatewayRouteTables(ep)
		if !ok || containsString(tables, route.Table) {
			return nil
		}
		if first == nil {
			first = ep
		}
	}
	if first == nil {
		return nil
	}
	return []string{fmt.Sprintf("the S3 Gateway endpoint %s on %s", first.Label(), tableName(route.Table))}
}

// instanceEffects says what fails on container instances without an endpoint.
var instanceEffects = map[string]string{
	"ecs":            "the ECS agent cannot register the instances with the cluster, so no task is ever placed on them",
	"ecs-agent":      "the ECS agent cannot register the instances with the cluster, so no task is ever placed on them",
	"ecs-telemetry":  "the ECS agent cannot register the instances with the cluster, so no task is ever placed on them",
	"ecr.api":        "their tasks cannot pull their images (CannotPullContainerError)",
	"ecr.dkr":        "their tasks cannot pull their images (CannotPullContainerError)",
	"s3":             "their tasks cannot pull their images (CannotPullContainerError)",
	"logs":           "the awslogs driver cannot deliver the tasks' logs",
	"secretsmanager": "the tasks' secrets cannot be fetched (ResourceInitializationError)",
	"ssm":            "the tasks' secrets cannot be fetched (ResourceInitializationError)",
}

// containsString reports whether list holds s.
func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
