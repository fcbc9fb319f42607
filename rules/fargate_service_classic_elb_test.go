package rules

import "testing"

func TestServiceClassicELB(t *testing.T) {
	service := func(launch string) string {
		return `
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
` + launch + `
  load_balancer {
    elb_name       = "classic"
    container_name = "app"
    container_port = 80
  }
}`
	}
	testRule(t, NewServiceClassicELBRule(), []ruleCase{
		{name: "awsvpc task", src: awsvpcTask + service(""),
			want: []string{`11:22: elb_name attaches a Classic Load Balancer`}},
		{name: "Fargate service", src: bridgeTask + service(`  launch_type = "FARGATE"`),
			want: []string{`10:22: elb_name attaches a Classic Load Balancer`}},
		{name: "silent: bridge on EC2", src: bridgeTask + service(`  launch_type = "EC2"`)},
	})
}
