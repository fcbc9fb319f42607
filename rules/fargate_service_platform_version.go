package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ServicePlatformVersionRule flags platform versions that do not exist, that EC2 services
// cannot have, or that lack what the task needs.
type ServicePlatformVersionRule struct{ meta }

// NewServicePlatformVersionRule returns the rule.
func NewServicePlatformVersionRule() *ServicePlatformVersionRule {
	return &ServicePlatformVersionRule{meta{name: "fargate_service_platform_version", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *ServicePlatformVersionRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, svc := range m.Services {
			attr := svc.Attr("platform_version")
			version, ok := m.Config.String(attr)
			if !ok {
				continue
			}
			if svc.LaunchType == model.LaunchEC2 {
				e.emit("platform_version only applies to Fargate, and this service runs on EC2"+launchTypeReason(svc)+" (AWS: \"The platform version must be null when specifying an EC2 launch type.\"): remove platform_version", attr.Expr.Range())
				continue
			}
			windows := usesWindows(m, svc)
			if valid := validPlatformVersions(windows); !strings.EqualFold(version, "LATEST") && !slices.Contains(valid, version) {
				e.emitf(attr.Expr.Range(), "platform_version %q does not exist for %s Fargate tasks: use %s", version, osName(windows), strings.Join(valid, " or "))
				continue
			}
			if version != "1.3.0" {
				continue
			}
			if need := needsPlatform140(m, svc); need != "" {
				e.emitf(attr.Expr.Range(), "platform_version 1.3.0 cannot run this service because %s, which needs 1.4.0 (AWS: \"PlatformTaskDefinitionIncompatibilityException: One or more of the requested capabilities are not supported.\"): use \"1.4.0\" or \"LATEST\"", need)
			}
		}
	})
}

func validPlatformVersions(windows bool) []string {
	if windows {
		return []string{"LATEST", "1.0.0"}
	}
	return []string{"LATEST", "1.4.0", "1.3.0"}
}

func osName(windows bool) string {
	if windows {
		return "Windows"
	}
	return "Linux"
}

// usesWindows reports whether the service's task definition is known to run Windows.
func usesWindows(m *model.Model, svc *model.Service) bool {
	for _, td := range svc.TaskDefinitions {
		if m.IsWindows(td) {
			return true
		}
	}
	return false
}

// needsPlatform140 says what of the service or its task definition needs platform
// version 1.4.0, or returns "".
func needsPlatform140(m *model.Model, svc *model.Service) string {
	if on, ok := m.Config.Bool(svc.Attr("enable_execute_command")); ok && on {
		return "it enables ECS Exec (enable_execute_command)"
	}
	for _, sc := range svc.Blocks("service_connect_configuration") {
		if on, ok := m.Config.Bool(sc.Body.Attributes["enabled"]); ok && on {
			return "it uses Service Connect"
		}
	}
	for _, lb := range svc.Blocks("load_balancer") {
		for _, tg := range m.Config.Resolve(lb.Body.Attributes["target_group_arn"], model.TargetGroupTypes...) {
			if p, ok := m.Config.String(tg.Attr("protocol")); ok && (p == "UDP" || p == "TCP_UDP") {
				return fmt.Sprintf("its target group %s receives %s from a Network Load Balancer", tg.Label(), p)
			}
		}
	}
	for _, td := range svc.TaskDefinitions {
		if m.IsARM64(td) {
			return "its task definition runs on ARM64"
		}
		if cpu, ok := parseCPU(stringOf(m, td.Attr("cpu"))); ok && cpu >= 8192 {
			return fmt.Sprintf("its task definition asks for %d vCPU", cpu/1024)
		}
		if len(td.EFSVolumes) > 0 {
			return "its task definition mounts an EFS volume"
		}
		if len(td.Blocks("ephemeral_storage")) > 0 {
			return "its task definition sets ephemeral_storage"
		}
		for _, c := range td.KnownContainers() {
			if nonEmpty(c.Get("environmentFiles")) {
				return "container " + c.Label + " uses environmentFiles"
			}
			secrets, _ := c.Get("secrets").Elements()
			for _, s := range secrets {
				if from, ok := s.Get("valueFrom").Str(); ok && isSecretsManagerKeyReference(from) {
					return "container " + c.Label + " reads a JSON key or version of a Secrets Manager secret"
				}
			}
		}
	}
	return ""
}

// isSecretsManagerKeyReference reports whether valueFrom names a JSON key, version
// stage or version of a Secrets Manager secret: arn:aws:secretsmanager:region:account:
// secret:name:json-key:version-stage:version-id, beyond the seven parts of a plain ARN.
func isSecretsManagerKeyReference(valueFrom string) bool {
	if !strings.HasPrefix(valueFrom, "arn:") || !strings.Contains(valueFrom, ":secretsmanager:") {
		return false
	}
	parts := strings.Split(valueFrom, ":")
	if len(parts) <= 7 {
		return false
	}
	for _, p := range parts[7:] {
		if p != "" {
			return true
		}
	}
	return false
}

// stringOf returns the known text of attr, or "".
func stringOf(m *model.Model, attr *hclext.Attribute) string {
	s, _ := m.Config.String(attr)
	return s
}
