package rules

import "testing"

func TestServiceDefaultSecurityGroup(t *testing.T) {
	service := func(groups string) string {
		return `
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 80
  }
  network_configuration {
    subnets = ["subnet-1"]
` + groups + `
  }
}`
	}
	testRule(t, NewServiceDefaultSecurityGroupRule(), []ruleCase{
		{name: "no security groups", src: awsvpcTask + service(""),
			want: []string{`14:3: network_configuration sets no security_groups`}},
		{name: "empty security groups", src: awsvpcTask + service("    security_groups = []"),
			want: []string{`14:3: network_configuration sets no security_groups`}},
		{name: "silent: with a group", src: awsvpcTask + service("    security_groups = [aws_security_group.task.id]")},
		{name: "silent: unresolved task definition", src: service("")},
		{name: "silent: no inbound traffic", src: awsvpcTask + `
resource "aws_ecs_service" "worker" {
  task_definition = aws_ecs_task_definition.app.arn
  network_configuration {
    subnets = ["subnet-1"]
  }
}`},
		{name: "silent: the configuration opens the default group", src: awsvpcTask + service("") + `
resource "aws_vpc_security_group_ingress_rule" "alb_to_default" {
  security_group_id            = aws_vpc.main.default_security_group_id
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = 80
  to_port                      = 80
}`},
		{name: "silent: aws_default_security_group manages the default group", src: awsvpcTask + service("") + `
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
}`},
	})
}
