package rules

import (
	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// checkWindowsOnFargate reports what a Windows task definition held to Fargate's rules
// uses that Fargate offers to Linux tasks only: configurable ephemeral storage, EFS
// volumes, FireLens, and the ARM64 architecture. (The 0.25 and 0.5 vCPU sizes are
// fargate_task_size's, containerPort 3150 checkContainerOnFargate's.)
func checkWindowsOnFargate(m *model.Model, e *emitter, td *model.TaskDefinition) {
	for _, b := range td.Blocks("ephemeral_storage") {
		e.emit("Windows tasks on Fargate do not support ephemeral_storage (configurable ephemeral storage is for Linux tasks on platform 1.4.0): remove the block", b.DefRange)
	}
	for _, v := range td.EFSVolumes {
		e.emit("Windows tasks on Fargate cannot mount EFS volumes: remove the efs_volume_configuration, or run the task on Linux", v.Config.DefRange)
	}
	for _, rp := range td.Blocks("runtime_platform") {
		attr := rp.Body.Attributes["cpu_architecture"]
		if s, ok := m.Config.String(attr); ok && s == "ARM64" {
			e.emit("cpu_architecture is ARM64, but 64-bit ARM tasks can only run Linux, and this task definition names a Windows operating system family: use X86_64, or a Linux image with operating_system_family = \"LINUX\"", attr.Expr.Range())
		}
	}
	for _, c := range td.KnownContainers() {
		logConf := c.Get("logConfiguration")
		if driver, ok := logConf.Get("logDriver").Str(); ok && driver == "awsfirelens" {
			e.emitf(logConf.Get("logDriver").Range, "container %s sends its logs with FireLens (awsfirelens), which Windows containers do not support: use the awslogs driver", c.Label)
		}
		if mem := c.Member("firelensConfiguration"); mem != nil && !mem.Value.IsNull() {
			e.emitf(mem.KeyRange, "container %s is a FireLens log router (firelensConfiguration), which Windows containers do not support: remove it and send logs with the awslogs driver", c.Label)
		}
	}
}
