package model

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// ServiceConnectNamespaceMissing reports whether a service_connect_configuration block is
// certainly without a namespace: it sets none, and the service's cluster is one
// aws_ecs_cluster of the configuration whose service_connect_defaults gives none either
// (services inherit the cluster's default namespace).
func (m *Model) ServiceConnectNamespaceMissing(s *Service, sc *hclext.Block) bool {
	if m.Config.Set(sc.Body.Attributes["namespace"]) || len(s.Cluster) == 0 {
		return false
	}
	for _, c := range s.Cluster {
		if c.Address() != s.Cluster[0].Address() || m.Config.MayHaveDynamic(c, "service_connect_defaults") {
			return false
		}
		for _, d := range c.Blocks("service_connect_defaults") {
			if m.Config.Set(d.Body.Attributes["namespace"]) {
				return false
			}
		}
	}
	return true
}
