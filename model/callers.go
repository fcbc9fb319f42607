package model

import (
	"fmt"
	"net/netip"
	"slices"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// Callers. Inside a VPC two kinds of network interface call AWS services for ECS: a
// Fargate task's own interface (on platform 1.4.0 it pulls images, ships logs and fetches
// secrets through it), and an EC2 container instance, whose ECS agent calls the ECS
// control plane and pulls images, ships logs and fetches secrets for the tasks it runs.

// Agent endpoint services: what the ECS agent on a container instance calls.
var agentServices = []string{"ecs", "ecs-agent", "ecs-telemetry"}

// Caller is a set of network interfaces that call AWS services: the tasks of a Fargate
// service, or a group of container instances.
type Caller struct {
	// Label names the caller in messages.
	Label string
	// Service is set for the tasks of a Fargate service, Group for container instances.
	Service *Service
	Group   *InstanceGroup

	// Subnets are the caller's subnets that resolve (SubnetsComplete: all of them do),
	// set by SubnetsAttr.
	Subnets         []*config.Resource
	SubnetsComplete bool
	SubnetsAttr     *hclext.Attribute
	// SecurityGroups are the caller's security groups (SecurityGroupsComplete: all of
	// them resolve).
	SecurityGroups         []*config.Resource
	SecurityGroupsComplete bool

	// Needs maps each AWS service the caller certainly calls, named as in an endpoint's
	// service name (ecr.dkr, ecr.api, s3, logs, secretsmanager, ssm, ssmmessages, ecs,
	// ecs-agent, ecs-telemetry), to why it calls it.
	Needs map[string]string
	// External names a container whose image comes from outside AWS PrivateLink, and
	// ExternalImage the image.
	External, ExternalImage string
	// Images are the private ECR images the caller pulls.
	Images []string
}

// Callers returns the callers of the configuration: the tasks of each Fargate service
// whose task definitions resolve (but those on platform 1.3.0, which pulls through an
// interface of Fargate's own), and each group of container instances with what the
// tasks placed on it need (but those that may go through an HTTP proxy).
func (m *Model) Callers() []*Caller {
	if m.callers == nil {
		m.callers = append([]*Caller{}, m.findCallers()...)
	}
	return m.callers
}

// findCallers works out Callers.
func (m *Model) findCallers() []*Caller {
	var out []*Caller
	groups := m.ContainerInstances()
	byGroup := map[*config.Resource]*Caller{}
	for _, g := range groups {
		if g.MayUseProxy {
			continue // a proxy may call AWS for them
		}
		c := &Caller{
			Label: g.Description(), Group: g,
			Subnets: g.Subnets, SubnetsComplete: g.SubnetsComplete, SubnetsAttr: g.SubnetsAttr,
			SecurityGroups: g.SecurityGroups, SecurityGroupsComplete: g.SecurityGroupsComplete,
			Needs: map[string]string{},
		}
		for _, s := range agentServices {
			c.Needs[s] = "the ECS agent"
		}
		byGroup[g.Resource] = c
		out = append(out, c)
	}
	for _, svc := range m.Services {
		if len(svc.TaskDefinitions) == 0 {
			continue
		}
		switch svc.LaunchType {
		case LaunchEC2:
			for _, g := range m.serviceInstances(svc, groups) {
				if c := byGroup[g.Resource]; c != nil {
					for _, td := range svc.TaskDefinitions {
						c.addTaskNeeds(td)
					}
				}
			}
		case LaunchFargate:
			if v, ok := m.Config.String(svc.Attr("platform_version")); ok && v == "1.3.0" {
				continue
			}
			c := &Caller{Label: "the tasks of service " + svc.Label(), Service: svc, Needs: map[string]string{}}
			for _, nc := range svc.Blocks("network_configuration") {
				c.SubnetsAttr = nc.Body.Attributes["subnets"]
				c.Subnets, c.SubnetsComplete = m.Config.ResolveList(c.SubnetsAttr, TypeSubnet)
				c.SecurityGroups, c.SecurityGroupsComplete = m.Config.ResolveList(nc.Body.Attributes["security_groups"], securityGroupRefs...)
			}
			for _, td := range svc.TaskDefinitions {
				c.addTaskNeeds(td)
			}
			if m.ExecEnabled(svc) {
				c.Needs["ssmmessages"] = "ECS Exec (enable_execute_command)"
			}
			if m.ServiceConnectEnabled(svc) {
				c.Needs["ecs-agent"] = "Service Connect"
			}
			out = append(out, c)
		}
	}
	return out
}

// addTaskNeeds adds what the known containers of a task definition need.
func (c *Caller) addTaskNeeds(td *TaskDefinition) {
	n := TaskNeeds(td)
	add := func(service, why string) {
		if _, ok := c.Needs[service]; !ok {
			c.Needs[service] = why
		}
	}
	if n.PrivateECR != "" {
		why := fmt.Sprintf("container %s pulls a private ECR image", n.PrivateECR)
		add("ecr.dkr", why)
		add("ecr.api", why)
		add("s3", why)
	}
	if n.Logs != "" {
		add("logs", fmt.Sprintf("container %s uses awslogs", n.Logs))
	}
	if n.SecretsManager != "" {
		add("secretsmanager", fmt.Sprintf("container %s reads Secrets Manager secrets", n.SecretsManager))
	}
	if n.SSM != "" {
		add("ssm", fmt.Sprintf("container %s reads SSM parameters", n.SSM))
	}
	if n.ExternalImage != "" && c.External == "" {
		c.External, c.ExternalImage = n.ExternalImage, n.ExternalImageName
	}
	for _, ct := range td.KnownContainers() {
		if image, ok := ct.Get("image").Str(); ok && IsPrivateECRImage(image) && !slices.Contains(c.Images, image) {
			c.Images = append(c.Images, image)
		}
	}
}

// ExecEnabled reports whether a service certainly enables ECS Exec.
func (m *Model) ExecEnabled(s *Service) bool {
	on, ok := m.Config.Bool(s.Attr("enable_execute_command"))
	return ok && on
}

// ServiceConnectEnabled reports whether a service certainly takes part in Service
// Connect.
func (m *Model) ServiceConnectEnabled(s *Service) bool {
	for _, sc := range s.Blocks("service_connect_configuration") {
		if on, ok := m.Config.Bool(sc.Body.Attributes["enabled"]); ok && on {
			return true
		}
	}
	return false
}

// CallerVPC returns the VPC key of a caller's subnets when all of them resolve to one
// VPC.
func (m *Model) CallerVPC(c *Caller) (string, bool) {
	if !c.SubnetsComplete || len(c.Subnets) == 0 {
		return "", false
	}
	vpc := ""
	for i, s := range c.Subnets {
		key, ok := m.VPCKey(s.Attr("vpc_id"))
		if !ok || (i > 0 && key != vpc) {
			return "", false
		}
		vpc = key
	}
	return vpc, true
}

// AdmitsCaller reports whether the ingress rules of security groups admit TCP port from
// every subnet of caller c: a rule naming one of the caller's security groups, or CIDRs
// covering the subnet. known is false when that cannot be told: a rule, a group or a
// subnet's CIDR cannot be read, or a rule names a prefix list or IPv6 ranges.
func (m *Model) AdmitsCaller(groups []*config.Resource, port int64, c *Caller) (admits, known bool) {
	var rules []SGRule
	for _, g := range groups {
		rs, ok := m.SecurityGroupRules(g, false)
		if !ok {
			return false, false
		}
		rules = append(rules, rs...)
	}
	subnets := c.Subnets
	if !c.SubnetsComplete {
		subnets = append(slices.Clone(subnets), nil) // a subnet the model cannot see
	}
	verdict := yes
	for _, s := range subnets {
		best := no
		for _, rule := range rules {
			best = max(best, m.ruleAdmits(rule, port, c, s))
		}
		verdict = min(verdict, best)
	}
	return verdict == yes, verdict != maybe
}

// tri is a three-valued answer.
type tri int

// Answers of a tri, ordered so that min is "and" and max is "or".
const (
	no tri = iota
	maybe
	yes
)

// ruleAdmits says whether an ingress rule admits TCP port from subnet s of caller c (nil:
// a subnet of c the model cannot see).
func (m *Model) ruleAdmits(rule SGRule, port int64, c *Caller, s *config.Resource) tri {
	if !rule.Known {
		return maybe
	}
	if !rule.AllowsTCP(port) {
		return no
	}
	for _, g := range rule.Groups {
		if slices.Contains(c.SecurityGroups, g) {
			return yes
		}
	}
	verdict := no
	if !rule.PeersKnown || rule.PrefixLists || len(rule.IPv6CIDRs) > 0 || (len(rule.Groups) > 0 && !c.SecurityGroupsComplete) {
		verdict = maybe
	}
	if len(rule.CIDRs) == 0 {
		return verdict
	}
	if s == nil {
		return maybe
	}
	text, ok := m.Config.String(s.Attr("cidr_block"))
	subnet, err := netip.ParsePrefix(text)
	if !ok || err != nil {
		return maybe
	}
	for _, cidr := range rule.CIDRs {
		p, err := netip.ParsePrefix(cidr)
		if err != nil {
			return maybe
		}
		if p.Bits() <= subnet.Bits() && p.Masked().Contains(subnet.Addr()) {
			return yes
		}
	}
	return verdict
}

// Offline reports whether some subnet of caller c certainly has no route to the
// internet: from there its calls to AWS services go through VPC endpoints or nowhere.
func (m *Model) Offline(c *Caller) bool {
	for _, s := range c.Subnets {
		if m.SubnetRouting(s).Egress == EgressNone {
			return true
		}
	}
	return false
}

// EndpointRequired reports whether a caller in vpc that needs service certainly has no
// way to reach it but through an endpoint: some of its subnets have no route to the
// internet. When it is false, a caller may still need the endpoint (a subnet the model
// cannot read), but none certainly does: its calls may take its NAT or internet gateway.
func (m *Model) EndpointRequired(vpc, service string) bool {
	for _, c := range m.Callers() {
		if _, needed := c.Needs[service]; !needed {
			continue
		}
		if v, ok := m.CallerVPC(c); !ok || v != vpc {
			continue
		}
		if m.Offline(c) {
			return true
		}
	}
	return false
}

// Online reports whether every subnet of caller c certainly routes to the internet,
// through a NAT gateway or an internet gateway.
func (m *Model) Online(c *Caller) bool {
	if !c.SubnetsComplete || len(c.Subnets) == 0 {
		return false
	}
	for _, s := range c.Subnets {
		if e := m.SubnetRouting(s).Egress; e != EgressNAT && e != EgressInternetGateway {
			return false
		}
	}
	return true
}

// EndpointBypassed reports whether the callers in vpc that need service all certainly
// reach the internet (and there is at least one): without the endpoint, or with one
// they do not use, they call the service by its public address.
func (m *Model) EndpointBypassed(vpc, service string) bool {
	found := false
	for _, c := range m.Callers() {
		if _, needed := c.Needs[service]; !needed {
			continue
		}
		v, ok := m.CallerVPC(c)
		if !ok {
			return false // it may be in vpc
		}
		if v != vpc {
			continue
		}
		if !m.Online(c) {
			return false
		}
		found = true
	}
	return found
}
