package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ServiceRegistriesRule flags service_registries that do not fit the task's network
// mode or containers.
type ServiceRegistriesRule struct{ meta }

// NewServiceRegistriesRule returns the rule.
func NewServiceRegistriesRule() *ServiceRegistriesRule {
	return &ServiceRegistriesRule{meta{name: "fargate_service_registries", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *ServiceRegistriesRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, svc := range m.Services {
			mode := svc.NetworkMode()
			for _, reg := range svc.Blocks("service_registries") {
				checkRegistry(m, e, svc, mode, reg)
			}
			for _, sc := range svc.Blocks("service_connect_configuration") {
				if enabled, ok := m.Config.Bool(sc.Body.Attributes["enabled"]); ok && enabled && m.ServiceConnectNamespaceMissing(svc, sc) {
					e.emitf(sc.DefRange, "Service Connect is enabled for service %s, but neither this block nor its cluster %s (service_connect_defaults) names a Cloud Map namespace, and a Service Connect service must have one: set namespace here (an aws_service_discovery_http_namespace's arn), or a default namespace on the cluster", svc.Label(), svc.Cluster[0].Label())
				}
			}
		}
	})
}

func checkRegistry(m *model.Model, e *emitter, svc *model.Service, mode string, reg *hclext.Block) {
	attrs := reg.Body.Attributes
	_, hasPort, ok1 := sentValue(m, attrs["port"])
	name, hasName, ok2 := sentValue(m, attrs["container_name"])
	cport, hasCPort, ok3 := sentValue(m, attrs["container_port"])
	if !ok1 || !ok2 || !ok3 {
		return
	}
	switch {
	case (mode == model.ModeBridge || mode == model.ModeHost) && (!hasName || !hasCPort):
		e.emitf(reg.DefRange, "a service of %s tasks registers SRV records, which need container_name and container_port (AWS: \"When specifying 'host' or 'bridge' for networkMode, values for 'containerName' and 'containerPort' must be specified from the task definition.\"): add both", mode)
		return
	case hasPort && (hasName || hasCPort):
		e.emit("service_registries sets port together with container_name/container_port (AWS: \"Specify a value for either 'port' or the 'containerName' and 'containerPort' combination, but not both\"): keep one of them", attrs["port"].Expr.Range())
		return
	}
	if mode == model.ModeAWSVPC && hasCPort && aRecordsOnly(m, attrs["registry_arn"]) {
		e.emit("container_port is set, but the Cloud Map service has only A or AAAA records, which carry no port (AWS: \"The values specified for serviceRegistries do not require a value for 'containerPort'. Remove the value and retry.\"): remove container_name and container_port, or add an SRV record", attrs["container_port"].Expr.Range())
		return
	}
	if hasName && hasCPort {
		checkContainerPort(m, e, svc, attrs["container_name"], attrs["container_port"], name, cport)
	}
}

// sentValue returns an attribute's value and whether the provider sends it (an omitted
// attribute, 0 and "" are not sent); known is false when that cannot be told.
func sentValue(m *model.Model, attr *hclext.Attribute) (value string, sent, known bool) {
	if attr == nil || !m.Config.Set(attr) {
		return "", false, true
	}
	s, ok := m.Config.String(attr)
	if !ok {
		return "", true, false
	}
	return s, s != "" && s != "0", true
}

// aRecordsOnly reports whether registry_arn names a Cloud Map service of the module whose
// DNS records are known and none is SRV.
func aRecordsOnly(m *model.Model, registry *hclext.Attribute) bool {
	services := m.Config.Resolve(registry, model.TypeDiscoveryService)
	if len(services) == 0 {
		return false
	}
	for _, s := range services {
		seen := false
		for _, dc := range s.Blocks("dns_config") {
			if m.Config.MayHaveDynamic(s, "dns_config") {
				return false
			}
			for _, rec := range dc.Body.Blocks.OfType("dns_records") {
				t, ok := m.Config.String(rec.Body.Attributes["type"])
				if !ok || t == "SRV" {
					return false
				}
				seen = true
			}
		}
		if !seen {
			return false
		}
	}
	return true
}
