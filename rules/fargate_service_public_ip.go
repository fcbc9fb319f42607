package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ServicePublicIPRule flags assign_public_ip on a service that runs on EC2.
type ServicePublicIPRule struct{ meta }

// NewServicePublicIPRule returns the rule.
func NewServicePublicIPRule() *ServicePublicIPRule {
	return &ServicePublicIPRule{meta{name: "fargate_service_public_ip", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *ServicePublicIPRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, svc := range m.Services {
			if svc.LaunchType != model.LaunchEC2 {
				continue
			}
			for _, nc := range svc.Blocks("network_configuration") {
				attr := nc.Body.Attributes["assign_public_ip"]
				if on, ok := m.Config.Bool(attr); ok && on {
					e.emit("assign_public_ip = true only works on Fargate, and this service runs on EC2"+launchTypeReason(svc)+" (AWS: \"Assign public IP is not supported for this launch type.\"): remove assign_public_ip, or run the service on Fargate", attr.Expr.Range())
				}
			}
		}
	})
}

// launchTypeReason explains how a service's launch type came to be EC2 when it is not
// written in launch_type.
func launchTypeReason(svc *model.Service) string {
	if svc.Attr("launch_type") != nil {
		return ""
	}
	if len(svc.Blocks("capacity_provider_strategy")) > 0 {
		return " (its capacity provider strategy has no Fargate provider)"
	}
	return " (it sets no launch_type and its cluster has no Fargate default capacity provider strategy, so ECS uses EC2)"
}
