package model

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// EFSVolume is an efs_volume_configuration of a task definition's volume.
type EFSVolume struct {
	// Volume is the volume's name, "?" when not known.
	Volume string
	// Config is the efs_volume_configuration block.
	Config *hclext.Block
	// IAM is whether authorization_config sets iam = "ENABLED".
	IAM bool
	// AccessPoint is whether authorization_config sets (or may set) an access point.
	AccessPoint bool
}

// efsVolumes reads the EFS volumes of a task definition.
func (m *Model) efsVolumes(td *TaskDefinition) []EFSVolume {
	var out []EFSVolume
	for _, v := range td.Blocks("volume") {
		name, ok := m.Config.String(v.Body.Attributes["name"])
		if !ok {
			name = "?"
		}
		for _, c := range v.Body.Blocks.OfType("efs_volume_configuration") {
			vol := EFSVolume{Volume: name, Config: c}
			for _, a := range c.Body.Blocks.OfType("authorization_config") {
				if s, ok := m.Config.String(a.Body.Attributes["iam"]); ok && s == "ENABLED" {
					vol.IAM = true
				}
				if m.Config.Set(a.Body.Attributes["access_point_id"]) {
					vol.AccessPoint = true
				}
			}
			out = append(out, vol)
		}
	}
	return out
}
