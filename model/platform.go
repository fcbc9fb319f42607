package model

// IsARM64 reports whether runtime_platform.cpu_architecture is known to be ARM64 (the
// default is X86_64).
func (m *Model) IsARM64(td *TaskDefinition) bool {
	for _, rp := range td.Blocks("runtime_platform") {
		if s, ok := m.Config.String(rp.Body.Attributes["cpu_architecture"]); ok && s == "ARM64" {
			return true
		}
	}
	return false
}
