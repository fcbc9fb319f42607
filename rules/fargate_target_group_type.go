package rules

import (
	"fmt"
	"strings"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

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
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, tg := range m.TargetGroups {
			incompleteTargetGroup(m, e, tg)
		}
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
				// The primary target group, and the alternate one a blue/green deployment
				// shifts traffic to: ECS registers the same tasks in both.
				var tgs []*config.Resource
				tgs = append(tgs, m.Config.Resolve(lb.Body.Attributes["target_group_arn"], model.TargetGroupTypes...)...)
				for _, ac := range lb.Body.Blocks.OfType("advanced_configuration") {
					tgs = append(tgs, m.Config.Resolve(ac.Body.Attributes["alternate_target_group_arn"], model.TargetGroupTypes...)...)
				}
				for _, tg := range tgs {
					attr := tg.Attr("target_type")
					if attr == nil {
						if want == "ip" {
							e.emitWithFix(fmt.Sprintf("target group %s has no target_type, so it is \"instance\", but service %s runs awsvpc tasks, which register by IP address (AWS: \"... has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.\"): add target_type = \"ip\"", tg.Label(), svc.Label()),
								tg.Block.DefRange, insertAttribute(tg, `target_type = "ip"`))
						}
						continue
					}
					got, ok := m.Config.String(attr)
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

// targetGroupNeeds are the arguments every target group but a lambda one must set: the
// provider refuses to create it without them, and CreateTargetGroup requires them.
var targetGroupNeeds = []string{"port", "protocol", "vpc_id"}

// incompleteTargetGroup reports a target group whose target type is known not to be
// lambda and that lacks port, protocol or vpc_id: one finding naming all that is missing.
func incompleteTargetGroup(m *model.Model, e *emitter, tg *config.Resource) {
	targetType := "instance"
	if attr := tg.Attr("target_type"); attr != nil && m.Config.Set(attr) {
		s, ok := m.Config.String(attr)
		if !ok {
			return
		}
		targetType = s
	}
	if targetType == "lambda" {
		return
	}
	var missing []string
	for _, name := range targetGroupNeeds {
		if attr := tg.Attr(name); attr == nil || !m.Config.Set(attr) {
			missing = append(missing, name)
		}
	}
	if len(missing) == 0 {
		return
	}
	e.emitf(m.Config.MissingAt(tg, missing[0]), "%s has target_type %q and no %s, so it cannot be created (provider: \"%s should be set when target type is %s\"; CreateTargetGroup requires port, protocol and VpcId for every target type but lambda): set %s",
		subject(tg, "target group"), targetType, strings.Join(missing, ", "), missing[0], targetType, strings.Join(missing, ", "))
}
