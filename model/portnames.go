package model

import "github.com/fargate-lint/tflint-ruleset-fargate/tree"

// PortNames returns the names of the task definition's port mappings (portMappings[].name
// of every container), which Service Connect and VPC Lattice refer to by name. ok is false
// when a container, its port mappings or a name cannot be read.
func (td *TaskDefinition) PortNames() (names []string, ok bool) {
	containers, known := td.Containers()
	if !known {
		return nil, false
	}
	for _, c := range containers {
		if c.Kind != tree.Object {
			return nil, false
		}
		pms := c.Get("portMappings")
		if pms.IsNull() {
			continue
		}
		list, isList := pms.Elements()
		if !isList {
			return nil, false
		}
		for _, pm := range list {
			if pm.Kind != tree.Object {
				return nil, false
			}
			name := pm.Get("name")
			if name.IsNull() {
				continue
			}
			s, isText := name.Str()
			if !isText {
				return nil, false
			}
			names = append(names, s)
		}
	}
	return names, true
}
