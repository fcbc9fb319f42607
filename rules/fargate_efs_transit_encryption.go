package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
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

// efsVolume is an efs_volume_configuration block with the name of its volume.
type efsVolume struct {
	volume string
	config *hclext.Block
}

func efsVolumes(m *model.Module, td *model.TaskDefinition) []efsVolume {
	var out []efsVolume
	for _, v := range td.Blocks("volume") {
		name, ok := m.String(v.Body.Attributes["name"])
		if !ok {
			name = "?"
		}
		for _, c := range v.Body.Blocks.OfType("efs_volume_configuration") {
			out = append(out, efsVolume{volume: name, config: c})
		}
	}
	return out
}

// authorization returns the efs volume's authorization_config attributes.
func (v efsVolume) authorization(name string) *hclext.Attribute {
	for _, a := range v.config.Body.Blocks.OfType("authorization_config") {
		if attr := a.Body.Attributes[name]; attr != nil {
			return attr
		}
	}
	return nil
}

func (v efsVolume) iamEnabled(m *model.Module) bool {
	s, ok := m.String(v.authorization("iam"))
	return ok && s == "ENABLED"
}

// Check runs the rule.
func (r *EFSTransitEncryptionRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Module, e *emitter) {
		for _, td := range m.TaskDefinitions {
			for _, efs := range efsVolumes(m, td) {
				var why string
				switch {
				case efs.iamEnabled(m):
					why = "uses IAM authorization"
				case m.Set(efs.authorization("access_point_id")):
					why = "mounts through an access point"
				default:
					continue
				}
				attr := efs.config.Body.Attributes["transit_encryption"]
				if attr == nil {
					e.emit("EFS volume \""+efs.volume+"\" "+why+", which requires transit encryption, but transit_encryption is not set (it defaults to DISABLED): add transit_encryption = \"ENABLED\"", efs.config.DefRange)
					continue
				}
				if s, ok := m.String(attr); ok && s != "ENABLED" {
					e.emit("EFS volume \""+efs.volume+"\" "+why+", which requires transit encryption: set transit_encryption = \"ENABLED\"", attr.Expr.Range())
				}
			}
		}
	})
}
