package rules

import (
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// TaskUnsupportedRule flags task and container parameters that Fargate rejects.
type TaskUnsupportedRule struct{ meta }

// NewTaskUnsupportedRule returns the rule.
func NewTaskUnsupportedRule() *TaskUnsupportedRule {
	return &TaskUnsupportedRule{meta{name: "fargate_task_unsupported", severity: tflint.ERROR, recommended: true}}
}

// unsupportedLinuxParameters are the linuxParameters keys Fargate rejects.
var unsupportedLinuxParameters = []string{"devices", "sharedMemorySize", "tmpfs", "maxSwap", "swappiness"}

// windowsReservedPort is the containerPort Windows Fargate reserves.
const windowsReservedPort = 3150

// Check runs the rule.
func (r *TaskUnsupportedRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, td := range m.TaskDefinitions {
			if !td.IsFargate() {
				continue
			}
			if attr := td.Attr("ipc_mode"); attr != nil {
				if _, ok := m.Config.String(attr); ok {
					e.emit("Fargate tasks do not support ipc_mode (AWS: \"Tasks using the Fargate launch type do not support ipcMode.\"): remove it", attr.Expr.Range())
				}
			}
			if s, ok := m.Config.String(td.Attr("pid_mode")); ok && s == "host" {
				e.emit("Fargate tasks do not support pid_mode = \"host\": remove it, or use \"task\" to share one process namespace between the task's containers", td.Attr("pid_mode").Expr.Range())
			}
			for _, b := range td.Blocks("placement_constraints") {
				e.emit("Fargate tasks do not support placement_constraints: Fargate chooses where tasks run. Remove the block", b.DefRange)
			}
			windows := m.IsWindows(td)
			if windows {
				checkWindowsOnFargate(m, e, td)
			}
			for _, c := range td.KnownContainers() {
				checkContainerOnFargate(e, c, windows)
			}
		}
	})
}

func checkContainerOnFargate(e *emitter, c model.Container, windows bool) {
	if mem := c.Member("privileged"); mem != nil && mem.Value.IsTrue() {
		e.emitf(mem.KeyRange, "container %s sets privileged, which Fargate does not support: remove it", c.Label)
	}
	if mem := c.Member("dockerSecurityOptions"); mem != nil && nonEmpty(mem.Value) {
		e.emitf(mem.KeyRange, "container %s sets dockerSecurityOptions, which Fargate does not support: remove them", c.Label)
	}
	if lp := c.Get("linuxParameters"); lp.Known() {
		for _, key := range unsupportedLinuxParameters {
			if mem := lp.Member(key); mem != nil && setsSomething(mem.Value) {
				e.emitf(mem.KeyRange, "container %s sets linuxParameters.%s, which Fargate does not support: remove it", c.Label, key)
			}
		}
		adds, _ := lp.Get("capabilities").Get("add").Elements()
		for _, capability := range adds {
			if s, ok := capability.Str(); ok && strings.TrimPrefix(strings.ToUpper(s), "CAP_") != "SYS_PTRACE" {
				e.emitf(capability.Range, "container %s adds the Linux capability %s, but Fargate only lets tasks add SYS_PTRACE: remove it", c.Label, s)
			}
		}
	}
	requirements, _ := c.Get("resourceRequirements").Elements()
	for _, req := range requirements {
		if s, ok := req.Get("type").Str(); ok && s == "GPU" {
			e.emitf(req.Range, "container %s requires a GPU, which Fargate does not offer: run it on EC2 capacity with GPU instances", c.Label)
		}
	}
	if windows {
		mappings, _ := c.Get("portMappings").Elements()
		for _, pm := range mappings {
			if port, ok := pm.Get("containerPort").Int(); ok && port == windowsReservedPort {
				e.emitf(pm.Get("containerPort").Range, "container %s uses containerPort 3150, which Windows tasks on Fargate reserve: use another port", c.Label)
			}
		}
	}
}
