package model

import (
	"slices"
	"strings"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// Launch types of a service.
const (
	LaunchFargate  = "FARGATE"
	LaunchEC2      = "EC2"
	LaunchExternal = "EXTERNAL"
)

// IsFargateProvider reports whether a capacity provider name is one of Fargate's.
func IsFargateProvider(name string) bool {
	return name == "FARGATE" || name == "FARGATE_SPOT"
}

// clusterOf resolves a reference to an ECS cluster: aws_ecs_cluster.x.id, .arn or
// .name, or a literal name or ARN matching one cluster of the module. It returns nil when
// the cluster is not in this module or cannot be told.
func (m *Model) clusterOf(attr *hclext.Attribute) []*config.Resource {
	if rs := m.Config.Resolve(attr, TypeCluster); rs != nil {
		return rs
	}
	name, ok := m.Config.String(attr)
	if !ok {
		return nil
	}
	if i := strings.LastIndex(name, ":cluster/"); i >= 0 {
		name = name[i+len(":cluster/"):]
	}
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

// ClusterProviders returns the aws_ecs_cluster_capacity_providers of a cluster. ok is
// false when one of the module's capacity provider resources names a cluster the model
// cannot resolve, since it may be this one.
func (m *Model) ClusterProviders(cluster []*config.Resource) (providers []*config.Resource, ok bool) {
	if len(cluster) == 0 || m.Config.MayHaveUnknown(TypeClusterProviders) {
		return nil, false
	}
	for _, cp := range m.Config.OfType(TypeClusterProviders) {
		target := m.clusterOf(cp.Attr("cluster_name"))
		if target == nil {
			return nil, false
		}
		if target[0].Address() == cluster[0].Address() {
			providers = append(providers, cp)
		}
	}
	return providers, true
}

// strategyLaunchType reads a capacity provider strategy: FARGATE when any provider is
// Fargate's, EC2 when all are known and none is, "" otherwise.
func (m *Model) strategyLaunchType(blocks []*hclext.Block) string {
	allKnown := true
	for _, b := range blocks {
		name, ok := m.Config.String(b.Body.Attributes["capacity_provider"])
		if !ok {
			allKnown = false
			continue
		}
		if IsFargateProvider(name) {
			return LaunchFargate
		}
	}
	if allKnown {
		return LaunchEC2
	}
	return ""
}

// launchType works out the effective launch type of a service: launch_type; else its
// capacity provider strategy; else the default strategy of its cluster; else EC2 when the
// cluster is in the module and has no default strategy. It is "" when unknown.
func (m *Model) launchType(s *Service) string {
	if attr := s.Attr("launch_type"); attr != nil && m.Config.Set(attr) {
		v, _ := m.Config.String(attr)
		return v
	}
	for _, dc := range s.Blocks("deployment_controller") {
		if t, ok := m.Config.String(dc.Body.Attributes["type"]); !ok || t == "EXTERNAL" {
			return ""
		}
	}
	if m.Config.MayHaveDynamic(s.Resource, "capacity_provider_strategy") {
		return ""
	}
	if strategy := s.Blocks("capacity_provider_strategy"); len(strategy) > 0 {
		return m.strategyLaunchType(strategy)
	}
	providers, ok := m.ClusterProviders(s.Cluster)
	if !ok {
		return ""
	}
	var defaults []*hclext.Block
	for _, cp := range providers {
		if m.Config.MayHaveDynamic(cp, "default_capacity_provider_strategy") {
			return ""
		}
		defaults = append(defaults, cp.Blocks("default_capacity_provider_strategy")...)
	}
	if len(defaults) > 0 {
		return m.strategyLaunchType(defaults)
	}
	return LaunchEC2
}

// ClusterHasProvider reports whether the cluster's capacity providers are known to
// include name (true), known not to (false), or cannot be told (ok false).
func (m *Model) ClusterHasProvider(cluster []*config.Resource, name string) (has, ok bool) {
	providers, ok := m.ClusterProviders(cluster)
	if !ok || len(providers) == 0 {
		return false, false
	}
	for _, cp := range providers {
		names, known := m.Config.Strings(cp.Attr("capacity_providers"))
		if !known {
			return false, false
		}
		if slices.Contains(names, name) {
			return true, true
		}
	}
	return false, true
}
