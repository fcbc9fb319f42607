package model

import (
	"encoding/base64"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// Container instances. EC2 capacity joins an ECS cluster the two ways users write it: an
// Auto Scaling group named by a capacity provider the cluster uses
// (aws_ecs_capacity_provider.auto_scaling_group_provider), and instances whose user data
// sets ECS_CLUSTER to the cluster's name, which the ECS agent reads from
// /etc/ecs/ecs.config. The model finds both, for Auto Scaling groups (through their
// launch template or launch configuration) and for aws_instance resources, and reads
// where their instances run: subnets and security groups.

// InstanceGroup is EC2 capacity that runs the ECS agent: one instance of an
// aws_autoscaling_group or of an aws_instance.
type InstanceGroup struct {
	*config.Resource

	// Template is the launch template or launch configuration the instances start from;
	// nil when there is none or it cannot be resolved.
	Template *config.Resource
	// Providers are the capacity providers naming the Auto Scaling group.
	Providers []*config.Resource
	// Clusters are the clusters the instances join, as far as the model can tell:
	// through their capacity providers' association, or ECS_CLUSTER in user data.
	Clusters []*config.Resource

	// Subnets are the subnets the instances are launched in that resolve to subnets of
	// the configuration; SubnetsAttr is the argument that sets them, and SubnetsComplete
	// is false when some of them do not resolve.
	Subnets         []*config.Resource
	SubnetsAttr     *hclext.Attribute
	SubnetsComplete bool
	// SecurityGroups, SecurityGroupsAttr and SecurityGroupsComplete say the same of the
	// instances' security groups.
	SecurityGroups         []*config.Resource
	SecurityGroupsAttr     *hclext.Attribute
	SecurityGroupsComplete bool

	// MayUseProxy is true when the instances' user data may send the ECS agent's calls
	// through an HTTP proxy, or cannot be read: they may not call AWS themselves.
	MayUseProxy bool
}

// Description names the group in messages: "the container instances of Auto Scaling
// group ecs", "container instance ecs".
func (g *InstanceGroup) Description() string {
	if g.Type == TypeInstance {
		return "container instance " + g.Label()
	}
	return "the container instances of Auto Scaling group " + g.Label()
}

// instanceIndex is the configuration's EC2 capacity, worked out once: the Auto Scaling
// groups and instances that run the ECS agent, and by instance (instanceID) the clusters
// they join and the capacity providers naming them.
type instanceIndex struct {
	groups              []*config.Resource
	clusters, providers map[string][]*config.Resource
}

// instanceID names one resource instance: its address and instance key.
func instanceID(r *config.Resource) string {
	return r.Address() + r.Key()
}

// ContainerInstances returns the configuration's EC2 capacity that runs the ECS agent,
// Auto Scaling groups first, in source order.
func (m *Model) ContainerInstances() []*InstanceGroup {
	m.indexInstances()
	var out []*InstanceGroup
	for _, r := range m.instances.groups {
		out = append(out, m.instanceGroup(r))
	}
	return out
}

// ServiceInstances returns the container instances a service of the EC2 launch type
// places its tasks on: the Auto Scaling groups of the capacity providers its strategy
// (or its cluster's default strategy) gives tasks to; with launch_type = "EC2", or
// neither strategy, every container instance of its cluster. It returns nil when that
// cannot be told, or placement constraints may keep tasks off some instances.
func (m *Model) ServiceInstances(s *Service) []*InstanceGroup {
	return m.serviceInstances(s, m.ContainerInstances())
}

// serviceInstances is ServiceInstances among groups, the configuration's container
// instances.
func (m *Model) serviceInstances(s *Service, groups []*InstanceGroup) []*InstanceGroup {
	if s.LaunchType != LaunchEC2 || !m.Config.Missing(s.Resource, "placement_constraints") {
		return nil
	}
	var strategy []*hclext.Block
	if attr := s.Attr("launch_type"); attr == nil || !m.Config.Set(attr) {
		strategy = s.Blocks("capacity_provider_strategy")
		if len(strategy) == 0 {
			providers, ok := m.ClusterProviders(s.Cluster)
			if !ok {
				return nil
			}
			for _, cp := range providers {
				strategy = append(strategy, cp.Blocks("default_capacity_provider_strategy")...)
			}
		}
	}
	if len(strategy) == 0 {
		if len(s.Cluster) == 0 {
			return nil
		}
		var out []*InstanceGroup
		for _, g := range groups {
			if containsAddress(g.Clusters, s.Cluster[0]) {
				out = append(out, g) // a group of the service's cluster
			}
		}
		return out
	}
	var used []*config.Resource
	for _, item := range strategy {
		weight, ok1 := m.Config.Int(item.Body.Attributes["weight"])
		base, ok2 := m.Config.Int(item.Body.Attributes["base"])
		if item.Body.Attributes["weight"] == nil {
			weight, ok1 = 0, true
		}
		if item.Body.Attributes["base"] == nil {
			base, ok2 = 0, true
		}
		if len(strategy) > 1 && (!ok1 || !ok2 || weight+base == 0) {
			continue // a provider that may get no task
		}
		used = append(used, m.capacityProvidersOf(item.Body.Attributes["capacity_provider"])...)
	}
	var out []*InstanceGroup
	for _, g := range groups {
		for _, p := range g.Providers {
			if slices.Contains(used, p) {
				out = append(out, g)
				break
			}
		}
	}
	return out
}

// indexInstances finds the container instances once per configuration, with the
// capacity providers and clusters of each.
func (m *Model) indexInstances() {
	if m.instances != nil {
		return
	}
	idx := &instanceIndex{clusters: map[string][]*config.Resource{}, providers: map[string][]*config.Resource{}}
	clusters, providers := idx.clusters, idx.providers

	// Capacity provider -> clusters it is associated with.
	providerClusters := map[*config.Resource][]*config.Resource{}
	for _, cp := range m.Config.OfType(TypeClusterProviders) {
		cluster := m.clusterOf(cp.Attr("cluster_name"))
		if cluster == nil {
			continue
		}
		refs, ok := m.Config.ResolveEach(cp.Attr("capacity_providers"), TypeCapacityProvider)
		if !ok {
			continue
		}
		elems, _ := config.ListElements(cp.Attr("capacity_providers"))
		for i, rs := range refs {
			if rs == nil && len(elems) == len(refs) {
				rs = m.capacityProvidersOf(elems[i])
			}
			for _, p := range rs {
				providerClusters[p] = appendNew(providerClusters[p], cluster...)
			}
		}
	}
	// Auto Scaling group -> capacity providers naming it.
	for _, p := range m.Config.OfType(TypeCapacityProvider) {
		for _, b := range p.Blocks("auto_scaling_group_provider") {
			asgs := m.Config.Resolve(b.Body.Attributes["auto_scaling_group_arn"], TypeAutoScalingGroup)
			if len(asgs) != 1 {
				continue
			}
			id := instanceID(asgs[0])
			providers[id] = appendNew(providers[id], p)
			clusters[id] = appendNew(clusters[id], providerClusters[p]...)
		}
	}
	for _, typ := range []string{TypeAutoScalingGroup, TypeInstance} {
		for _, r := range m.Config.OfType(typ) {
			id := instanceID(r)
			if name, ok := m.userDataCluster(r); ok {
				clusters[id] = appendNew(clusters[id], m.clustersNamed(name)...)
			}
			if len(providers[id]) > 0 || len(clusters[id]) > 0 {
				idx.groups = append(idx.groups, r)
			}
		}
	}
	m.instances = idx
}

// instanceGroup reads what the model knows of one Auto Scaling group or instance.
func (m *Model) instanceGroup(r *config.Resource) *InstanceGroup {
	id := instanceID(r)
	g := &InstanceGroup{
		Resource:    r,
		Template:    m.templateOf(r),
		Providers:   m.instances.providers[id],
		Clusters:    m.instances.clusters[id],
		MayUseProxy: m.mayUseProxy(r),
	}
	switch r.Type {
	case TypeAutoScalingGroup:
		g.SubnetsAttr = r.Attr("vpc_zone_identifier")
		g.Subnets, g.SubnetsComplete = m.Config.ResolveList(g.SubnetsAttr, TypeSubnet)
		g.SecurityGroupsAttr = m.templateGroupsAttr(g.Template)
	case TypeInstance:
		g.SubnetsAttr = r.Attr("subnet_id")
		if !m.Config.Set(g.SubnetsAttr) {
			g.SubnetsAttr = m.templateInterfaceAttr(g.Template, "subnet_id")
		}
		g.SecurityGroupsAttr = r.Attr("vpc_security_group_ids")
		if !m.Config.Set(g.SecurityGroupsAttr) {
			g.SecurityGroupsAttr = r.Attr("security_groups")
		}
		if !m.Config.Set(g.SecurityGroupsAttr) {
			g.SecurityGroupsAttr = m.templateGroupsAttr(g.Template)
		}
		if !m.Config.Missing(r, "network_interface") {
			g.SubnetsAttr, g.SecurityGroupsAttr = nil, nil // an interface made elsewhere
		}
		if g.SubnetsAttr != nil {
			if rs := m.Config.Resolve(g.SubnetsAttr, TypeSubnet); len(rs) == 1 {
				g.Subnets, g.SubnetsComplete = rs, true
			}
		}
	}
	g.SecurityGroups, g.SecurityGroupsComplete = m.Config.ResolveList(g.SecurityGroupsAttr, securityGroupRefs...)
	return g
}

// templateOf resolves the launch template (or launch configuration) an Auto Scaling group
// or instance starts from: launch_template, mixed_instances_policy's template when no
// override names another, launch_configuration.
func (m *Model) templateOf(r *config.Resource) *config.Resource {
	var specs []*config.Resource
	add := func(id, name *hclext.Attribute) bool {
		attr := id
		if !m.Config.Set(attr) {
			attr = name
		}
		if !m.Config.Set(attr) {
			return true
		}
		rs := m.namedResource(attr, TypeLaunchTemplate)
		if len(rs) != 1 {
			return false
		}
		specs = appendNew(specs, rs[0])
		return true
	}
	for _, lt := range r.Blocks("launch_template") {
		if !add(lt.Body.Attributes["id"], lt.Body.Attributes["name"]) {
			return nil
		}
	}
	for _, mip := range r.Blocks("mixed_instances_policy") {
		for _, lt := range mip.Body.Blocks.OfType("launch_template") {
			for _, spec := range lt.Body.Blocks.OfType("launch_template_specification") {
				if !add(spec.Body.Attributes["launch_template_id"], spec.Body.Attributes["launch_template_name"]) {
					return nil
				}
			}
			for _, o := range lt.Body.Blocks.OfType("override") {
				for _, spec := range o.Body.Blocks.OfType("launch_template_specification") {
					if !add(spec.Body.Attributes["launch_template_id"], spec.Body.Attributes["launch_template_name"]) {
						return nil
					}
				}
			}
		}
	}
	if lc := r.Attr("launch_configuration"); m.Config.Set(lc) {
		rs := m.namedResource(lc, TypeLaunchConfiguration)
		if len(rs) != 1 {
			return nil
		}
		specs = appendNew(specs, rs[0])
	}
	if len(specs) != 1 || m.Config.MayHaveDynamic(r, "launch_template") || m.Config.MayHaveDynamic(r, "mixed_instances_policy") {
		return nil
	}
	return specs[0]
}

// templateGroupsAttr returns the argument of a launch template or configuration that
// sets the instances' security groups: the primary network interface's, else
// vpc_security_group_ids (security_groups for a launch configuration).
func (m *Model) templateGroupsAttr(t *config.Resource) *hclext.Attribute {
	if t == nil {
		return nil
	}
	if t.Type == TypeLaunchConfiguration {
		return t.Attr("security_groups")
	}
	if !m.Config.Missing(t, "network_interfaces") {
		return m.templateInterfaceAttr(t, "security_groups")
	}
	return t.Attr("vpc_security_group_ids")
}

// templateInterfaceAttr returns an argument of a launch template's primary network
// interface (device_index 0, or the only one); nil when it cannot be told.
func (m *Model) templateInterfaceAttr(t *config.Resource, name string) *hclext.Attribute {
	if t == nil || t.Type != TypeLaunchTemplate || m.Config.MayHaveDynamic(t, "network_interfaces") {
		return nil
	}
	nics := t.Blocks("network_interfaces")
	for _, nic := range nics {
		index, ok := m.Config.Int(nic.Body.Attributes["device_index"])
		if len(nics) == 1 || (ok && index == 0) {
			return nic.Body.Attributes[name]
		}
	}
	return nil
}

// namedResource resolves a reference to a resource of typ, or a literal name matching
// the name argument of exactly one such resource block.
func (m *Model) namedResource(attr *hclext.Attribute, typ string) []*config.Resource {
	if rs := m.Config.Resolve(attr, typ); rs != nil {
		return rs
	}
	name, ok := m.Config.String(attr)
	if !ok {
		return nil
	}
	var found []*config.Resource
	for _, r := range m.Config.OfType(typ) {
		if n, ok := m.Config.String(r.Attr("name")); ok && n == name {
			found = append(found, r)
		}
	}
	if len(found) == 0 || found[0].Address() != found[len(found)-1].Address() {
		return nil
	}
	return found
}

// capacityProvidersOf resolves a capacity provider reference or name; the Fargate
// providers and unknown names resolve to none.
func (m *Model) capacityProvidersOf(attr *hclext.Attribute) []*config.Resource {
	return m.namedResource(attr, TypeCapacityProvider)
}

// clustersNamed returns the cluster of the configuration named name, when exactly one
// cluster resource has that name.
func (m *Model) clustersNamed(name string) []*config.Resource {
	var found []*config.Resource
	for _, c := range m.Config.OfType(TypeCluster) {
		if n, ok := m.Config.String(c.Attr("name")); ok && n == name {
			found = append(found, c)
		}
	}
	if len(found) == 0 || found[0].Address() != found[len(found)-1].Address() {
		return nil
	}
	return found
}

// ecsClusterSetting finds the cluster name user data gives the ECS agent.
var ecsClusterSetting = regexp.MustCompile(`ECS_CLUSTER\s*=\s*["']?([A-Za-z0-9_-]+)`)

// userData returns the text of an instance's or Auto Scaling group's user data: its own,
// else its template's, followed by its base64 decoding when it has one (a launch
// template's user data must be encoded). set is false when there is none; known is false
// when there is some the model cannot read.
func (m *Model) userData(r *config.Resource) (text string, set, known bool) {
	for _, res := range []*config.Resource{r, m.templateOf(r)} {
		if res == nil {
			continue
		}
		for _, name := range []string{"user_data", "user_data_base64"} {
			attr := res.Attr(name)
			if !m.Config.Set(attr) {
				continue
			}
			text, ok := m.Config.String(attr)
			if !ok {
				return "", true, false
			}
			decoded, err := base64.StdEncoding.DecodeString(strings.TrimSpace(text))
			if err == nil && utf8.Valid(decoded) {
				text += "\n" + string(decoded)
			}
			return text, true, true
		}
	}
	return "", false, true
}

// userDataCluster returns the cluster name user data sets with ECS_CLUSTER; ok is false
// when the text is not known, names no cluster, or names several.
func (m *Model) userDataCluster(r *config.Resource) (string, bool) {
	text, set, known := m.userData(r)
	if !set || !known {
		return "", false
	}
	names := clusterSettings(text)
	if len(names) != 1 {
		return "", false
	}
	return names[0], true
}

// mayUseProxy reports whether user data may point the ECS agent and Docker at an HTTP
// proxy (HTTP_PROXY in /etc/ecs/ecs.config), which then calls AWS in their place; true
// when the user data is not known.
func (m *Model) mayUseProxy(r *config.Resource) bool {
	text, set, known := m.userData(r)
	if !set {
		return false
	}
	lower := strings.ToLower(text)
	return !known || strings.Contains(lower, "http_proxy") || strings.Contains(lower, "https_proxy")
}

// clusterSettings returns the distinct cluster names set with ECS_CLUSTER in text.
func clusterSettings(text string) []string {
	var names []string
	for _, match := range ecsClusterSetting.FindAllStringSubmatch(text, -1) {
		if !slices.Contains(names, match[1]) {
			names = append(names, match[1])
		}
	}
	return names
}

// appendNew appends the resources of add that list does not hold yet.
func appendNew(list []*config.Resource, add ...*config.Resource) []*config.Resource {
	for _, r := range add {
		if !slices.Contains(list, r) {
			list = append(list, r)
		}
	}
	return list
}

// containsAddress reports whether list holds an instance of r's resource block.
func containsAddress(list []*config.Resource, r *config.Resource) bool {
	for _, x := range list {
		if x.Address() == r.Address() {
			return true
		}
	}
	return false
}
