package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/awsdata"
	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// TaskSizeRule flags Fargate task definitions without a task size Fargate offers.
type TaskSizeRule struct{ meta }

// NewTaskSizeRule returns the rule.
func NewTaskSizeRule() *TaskSizeRule {
	return &TaskSizeRule{meta{name: "fargate_task_size", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *TaskSizeRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, td := range m.TaskDefinitions {
			if !td.IsFargate() {
				continue
			}
			cpuAttr, memAttr := td.Attr("cpu"), td.Attr("memory")
			missing := false
			for _, a := range []struct{ name, attr string }{{"cpu", "cpu"}, {"memory", "memory"}} {
				if attr := td.Attr(a.attr); attr == nil || !m.Config.Set(attr) {
					e.emitf(m.Config.MissingAt(td.Resource, a.attr), "Fargate tasks need a task-level %s, and this task definition has none (AWS: \"Fargate requires that '%s' be defined at the task level.\"): add %s", a.name, a.name, a.name)
					missing = true
				}
			}
			if missing {
				continue
			}
			cpuText, ok1 := m.Config.String(cpuAttr)
			cpu, ok3 := parseCPU(cpuText)
			if m.IsWindows(td) {
				if ok1 && ok3 && cpu < 1024 {
					e.emitf(cpuAttr.Expr.Range(), "Windows tasks on Fargate need at least 1 vCPU, and cpu is %s: the 0.25 and 0.5 vCPU sizes are for Linux tasks only. Use cpu = 1024 or more", cpuText)
				}
				continue
			}
			memText, ok2 := m.Config.String(memAttr)
			mem, ok4 := parseMemory(memText)
			if !(ok1 && ok2 && ok3 && ok4) {
				continue
			}
			allowed, known := awsdata.FargateMemory[cpu]
			if !known {
				e.emitf(cpuAttr.Expr.Range(), "Fargate has no task size with cpu %s: use one of %s (AWS: \"No Fargate configuration exists for given values.\")", cpuText, describeSizes(awsdata.FargateCPUs))
				continue
			}
			if !slices.Contains(allowed, mem) {
				e.emitf(memAttr.Expr.Range(), "Fargate has no task size with cpu %s and memory %s: with cpu %d, memory must be %s MiB (AWS: \"No Fargate configuration exists for given values.\")", cpuText, memText, cpu, describeSizes(allowed))
			}
		}
	})
}

// parseCPU reads a task cpu: CPU units ("1024") or vCPUs ("1 vCPU", ".5 vcpu").
func parseCPU(s string) (int64, bool) {
	return parseSize(s, "vcpu")
}

// parseMemory reads a task memory: MiB ("2048") or GB ("2 GB", "2GB").
func parseMemory(s string) (int64, bool) {
	return parseSize(s, "gb")
}

// parseSize reads a whole number, or a number followed by unit, which counts 1024.
func parseSize(s, unit string) (int64, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, true
	}
	num, found := strings.CutSuffix(s, unit)
	if !found {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || f <= 0 || f*1024 != float64(int64(f*1024)) {
		return 0, false
	}
	return int64(f * 1024), true
}

// describeSizes lists allowed memory values compactly: "512, 1024 or 2048", or a range
// with its step.
func describeSizes(v []int64) string {
	if len(v) <= 4 || !evenSteps(v) {
		parts := make([]string, len(v))
		for i, n := range v {
			parts[i] = strconv.FormatInt(n, 10)
		}
		return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
	}
	return fmt.Sprintf("between %d and %d in steps of %d", v[0], v[len(v)-1], v[1]-v[0])
}

// evenSteps reports whether v rises by one step throughout.
func evenSteps(v []int64) bool {
	for i := 2; i < len(v); i++ {
		if v[i]-v[i-1] != v[1]-v[0] {
			return false
		}
	}
	return true
}
