package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// TargetGroupTypeRule flags target groups whose target_type does not fit the network
// mode of the service that registers tasks in them.
type TargetGroupTypeRule struct{ meta }

// NewTargetGroupTypeRule returns the rule.
func NewTargetGroupTypeRule() *TargetGroupTypeRule {
	return &TargetGroupTypeRule{meta{name: "fargate_target_group_type", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *TargetGroupTypeRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Config, e *emitter) {
		for _, svc := range m.Services {
			mode := svc.NetworkMode()
			if mode == "" || mode == model.ModeNone {
				continue
			}
			want := "instance"
			if mode == model.ModeAWSVPC {
				want = "ip"
			}
			for _, lb := range svc.Blocks("load_balancer") {
				for _, tg := range m.Resolve(lb.Body.Attributes["target_group_arn"], model.TargetGroupTypes...) {
					attr := tg.Attr("target_type")
					if attr == nil {
						if want == "ip" {
							e.emitWithFix(fmt.Sprintf("target group %s has no target_type, so it is \"instance\", but service %s runs awsvpc tasks, which register by IP address (AWS: \"... has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.\"): add target_type = \"ip\"", tg.Label(), svc.Label()),
								tg.Block.DefRange, insertAttribute(tg, `target_type = "ip"`))
						}
						continue
					}
					got, ok := m.String(attr)
					if !ok || got == want {
						continue
					}
					fix, note := replaceValue(m, attr, `"`+want+`"`)
					e.emitMaybeFix(targetTypeMessage(tg.Label(), svc.Label(), got, want, mode)+note, attr.Expr.Range(), fix)
				}
			}
		}
	})
}

func targetTypeMessage(tg, svc, got, want, mode string) string {
	if want == "ip" {
		return "target group " + tg + " has target_type \"" + got + "\", but service " + svc + " runs awsvpc tasks, which register by IP address: set target_type = \"ip\""
	}
	return "target group " + tg + " has target_type \"" + got + "\", but service " + svc + " runs " + mode + " tasks, which register as the container instance and port: set target_type = \"instance\""
}
