package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/fargate-lint/tflint-ruleset-fargate/model"
)

// ServiceLaunchTypeRule flags services whose launch type, capacity provider strategy,
// cluster and task definition do not agree.
type ServiceLaunchTypeRule struct{ meta }

// NewServiceLaunchTypeRule returns the rule.
func NewServiceLaunchTypeRule() *ServiceLaunchTypeRule {
	return &ServiceLaunchTypeRule{meta{name: "fargate_service_launch_type", severity: tflint.ERROR, recommended: true}}
}

// Check runs the rule.
func (r *ServiceLaunchTypeRule) Check(runner tflint.Runner) error {
	return checkModule(runner, r, func(m *model.Model, e *emitter) {
		for _, svc := range m.Services {
			strategy := svc.Blocks("capacity_provider_strategy")
			if lt := svc.Attr("launch_type"); m.Config.Present(lt) && len(strategy) > 0 {
				e.emit("launch_type and capacity_provider_strategy cannot both be set (AWS: \"If a capacityProviderStrategy is specified, the launchType parameter must be omitted.\"): remove launch_type and let the strategy choose the capacity", lt.Expr.Range())
			}

			var fargate, autoScaling []*hclext.Attribute
			for _, b := range strategy {
				attr := b.Body.Attributes["capacity_provider"]
				name, ok := m.Config.String(attr)
				switch {
				case !ok:
				case model.IsFargateProvider(name):
					fargate = append(fargate, attr)
					if has, known := m.ClusterHasProvider(svc.Cluster, name); known && !has {
						e.emitf(attr.Expr.Range(), "capacity provider %s is not associated with cluster %s: add it to capacity_providers of its aws_ecs_cluster_capacity_providers (AWS: \"The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster.\")", name, svc.Cluster[0].Label())
					}
				default:
					autoScaling = append(autoScaling, attr)
				}
			}
			if len(fargate) > 0 && len(autoScaling) > 0 {
				f, _ := m.Config.String(fargate[0])
				a, _ := m.Config.String(autoScaling[0])
				e.emitf(autoScaling[0].Expr.Range(), "this capacity provider strategy mixes the Fargate provider %s with the Auto Scaling group provider %s, which AWS rejects (\"A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers.\"): use Fargate providers only, or Auto Scaling group providers only", f, a)
			}

			if svc.LaunchType != model.LaunchFargate {
				continue
			}
			for _, td := range svc.TaskDefinitions {
				if td.CompatibilitiesKnown && len(td.Compatibilities) > 0 && !td.RequiresFargate() {
					e.emitf(svc.Attr("task_definition").Expr.Range(), "this service runs on Fargate, but its task definition %s does not list FARGATE in requires_compatibilities (AWS: \"Task definition does not support launch_type FARGATE.\"): add \"FARGATE\" to requires_compatibilities", td.Label())
					break
				}
				// A task definition without requires_compatibilities in another network
				// mode than awsvpc is refused too, but its fix is the network mode, which
				// fargate_task_network_mode reports: one mistake, one finding.
			}
		}
	})
}
