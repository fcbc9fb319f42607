package model

// LaunchVolumes returns, for each volume block of the task definition, its name and
// whether configure_at_launch is true (the volume's settings, an EBS volume, come from
// the service or the task at launch). ok is false when a volume block, a name or the flag
// cannot be read.
func (m *Model) LaunchVolumes(td *TaskDefinition) (volumes map[string]bool, ok bool) {
	if m.Config.MayHaveDynamic(td.Resource, "volume") {
		return nil, false
	}
	volumes = map[string]bool{}
	for _, v := range td.Blocks("volume") {
		name, known := m.Config.String(v.Body.Attributes["name"])
		if !known {
			return nil, false
		}
		atLaunch := false
		if attr := v.Body.Attributes["configure_at_launch"]; attr != nil && m.Config.Set(attr) {
			b, known := m.Config.Bool(attr)
			if !known {
				return nil, false
			}
			atLaunch = b
		}
		volumes[name] = atLaunch
	}
	return volumes, true
}
