package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

	"github.com/fargate-lint/tflint-ruleset-fargate/tree"
)

// Network modes of a task definition.
const (
	ModeAWSVPC = "awsvpc"
	ModeBridge = "bridge"
	ModeHost   = "host"
	ModeNone   = "none"
)

// NetworkModes are the values network_mode takes; the provider refuses any other,
// upper case included.
var NetworkModes = []string{ModeAWSVPC, ModeBridge, ModeHost, ModeNone}

// TaskDefinition is one instance of aws_ecs_task_definition with the facts rules share.
type TaskDefinition struct {
	*config.Resource

	// NetworkMode is the effective network mode: network_mode when set, else bridge,
	// the Linux default. It is empty when the value is not known.
	NetworkMode string

	// InvalidNetworkMode is network_mode as written when it is known and is none of the
	// four modes (say "AWSVPC"); NetworkMode is then empty, so that only the rule about
	// the value speaks of it.
	InvalidNetworkMode string

	// Compatibilities is requires_compatibilities; CompatibilitiesKnown is false when
	// its value is not known. An omitted attribute is a known empty list.
	Compatibilities      []string
	CompatibilitiesKnown bool

	// Document is container_definitions decoded; parts that are not known are unknown
	// nodes. SyntaxError is set instead when the text is known and is not JSON.
	Document    *tree.Node
	SyntaxError *tree.SyntaxError

	// EFSVolumes are the task's EFS volume configurations.
	EFSVolumes []EFSVolume

	// RunOnFargate is true when requires_compatibilities is unset and a service whose
	// effective launch type is FARGATE runs the task definition: Fargate's rules apply to
	// its tasks all the same.
	RunOnFargate bool
}

func (m *Model) newTaskDefinition(r *config.Resource) *TaskDefinition {
	td := &TaskDefinition{Resource: r}

	if attr := r.Attr("network_mode"); attr == nil || !m.Config.Set(attr) {
		td.NetworkMode = ModeBridge
	} else if s, ok := m.Config.String(attr); ok {
		if slices.Contains(NetworkModes, s) {
			td.NetworkMode = s
		} else {
			td.InvalidNetworkMode = s
		}
	}

	if attr := r.Attr("requires_compatibilities"); attr == nil || !m.Config.Set(attr) {
		td.CompatibilitiesKnown = true
	} else {
		td.Compatibilities, td.CompatibilitiesKnown = m.Config.Strings(attr)
	}

	if attr := r.Attr("container_definitions"); attr != nil {
		td.Document, td.SyntaxError = m.Config.DecodeJSON(r, attr)
	}
	td.EFSVolumes = m.efsVolumes(td)
	return td
}

// RequiresFargate reports whether requires_compatibilities is known to list FARGATE.
func (td *TaskDefinition) RequiresFargate() bool {
	return td.CompatibilitiesKnown && slices.Contains(td.Compatibilities, "FARGATE")
}

// NoCompatibilities reports whether requires_compatibilities is known to be unset or
// empty.
func (td *TaskDefinition) NoCompatibilities() bool {
	return td.CompatibilitiesKnown && len(td.Compatibilities) == 0
}

// IsFargate reports whether the task definition is held to Fargate's rules: its
// requires_compatibilities lists FARGATE, or it lists nothing and a Fargate service runs
// it.
func (td *TaskDefinition) IsFargate() bool {
	return td.RequiresFargate() || td.RunOnFargate
}

// SharedNamespace reports whether the containers of the task share one network
// namespace with fixed ports (awsvpc or host), so host ports equal container ports.
func (td *TaskDefinition) SharedNamespace() bool {
	return td.NetworkMode == ModeAWSVPC || td.NetworkMode == ModeHost
}

// Containers returns the decoded container objects. ok is false when the list itself
// is not known; an element may still be unknown.
func (td *TaskDefinition) Containers() (containers []*tree.Node, ok bool) {
	if td.SyntaxError != nil {
		return nil, false
	}
	return td.Document.Elements()
}

// IsWindows reports whether runtime_platform names a Windows operating system family.
func (m *Model) IsWindows(td *TaskDefinition) bool {
	for _, rp := range td.Blocks("runtime_platform") {
		if s, ok := m.Config.String(rp.Body.Attributes["operating_system_family"]); ok && strings.HasPrefix(s, "WINDOWS") {
			return true
		}
	}
	return false
}

// Container is one known container object of a task definition.
type Container struct {
	*tree.Node
	// Label names the container in messages: its quoted name, or #N by position.
	Label string
}

// KnownContainers returns the container objects of the task definition that are known;
// an unknown element is left out.
func (td *TaskDefinition) KnownContainers() []Container {
	list, _ := td.Containers()
	var out []Container
	for i, c := range list {
		if c.Kind != tree.Object {
			continue
		}
		label := fmt.Sprintf("#%d", i+1)
		if s, ok := c.Get("name").Str(); ok {
			label = fmt.Sprintf("%q", s)
		}
		out = append(out, Container{Node: c, Label: label})
	}
	return out
}

// Container returns the container named name. found is whether it exists; ok is false
// when that cannot be told because the list, a container or a name is not known.
func (td *TaskDefinition) Container(name string) (c *tree.Node, found, ok bool) {
	list, known := td.Containers()
	if !known {
		return nil, false, false
	}
	ok = true
	for _, item := range list {
		n, isName := item.Get("name").Str()
		if item.Kind != tree.Object || !isName {
			ok = false
			continue
		}
		if n == name {
			return item, true, true
		}
	}
	return nil, false, ok
}

// PortMapping returns the port mapping of container c whose containerPort is port. ok is
// false when the mappings cannot all be read (unknown values, port ranges).
func PortMapping(c *tree.Node, port int64) (mapping *tree.Node, ok bool) {
	mappings, known := c.Get("portMappings").Elements()
	if !known && !c.Get("portMappings").IsNull() {
		return nil, false
	}
	ok = true
	for _, pm := range mappings {
		p, isInt := pm.Get("containerPort").Int()
		if !isInt {
			ok = false
			continue
		}
		if p == port {
			return pm, true
		}
	}
	return nil, ok
}
