package rules

import "testing"

func TestServiceDefaultSecurityGroup(t *testing.T) {
	service := func(groups string) string {
		return `
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  network_configuration {
    subnets = ["subnet-1"]
` + groups + `
  }
}`
	}
	testRule(t, NewServiceDefaultSecurityGroupRule(), []ruleCase{
		{name: "no security groups", src: awsvpcTask + service(""),
			want: []string{`9:3: network_configuration sets no security_groups`}},
		{name: "empty security groups", src: awsvpcTask + service("    security_groups = []"),
			want: []string{`9:3: network_configuration sets no security_groups`}},
		{name: "silent: with a group", src: awsvpcTask + service("    security_groups = [aws_security_group.task.id]")},
		{name: "silent: unresolved task definition", src: service("")},
	})
}
