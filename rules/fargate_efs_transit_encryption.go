package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// EFSTransitEncryptionRule flags EFS volumes that use IAM authorization or an access
// point without transit encryption.
type EFSTransitEncryptionRule struct{ meta }

// NewEFSTransitEncryptionRule returns the rule.
func NewEFSTransitEncryptionRule() *EFSTransitEncryptionRule {
	return &EFSTransitEncryptionRule{meta{name: "fargate_efs_transit_encryption", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *EFSTransitEncryptionRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, td := range m.TaskDefinitions {
			for _, efs := range td.EFSVolumes {
				var why string
				switch {
				case efs.IAM:
					why = "uses IAM authorization"
				case efs.AccessPoint:
					why = "mounts through an access point"
				default:
					continue
				}
				attr := efs.Config.Body.Attributes["transit_encryption"]
				if attr == nil {
					e.emit("EFS volume \""+efs.Volume+"\" "+why+", which requires transit encryption, but transit_encryption is not set (it defaults to DISABLED): add transit_encryption = \"ENABLED\"", efs.Config.DefRange)
					continue
				}
				if s, ok := m.Config.String(attr); ok && s != "ENABLED" {
					e.emit("EFS volume \""+efs.Volume+"\" "+why+", which requires transit encryption: set transit_encryption = \"ENABLED\"", attr.Expr.Range())
				}
			}
		}
	})
}
