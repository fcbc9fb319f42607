package rules

import "testing"

func TestTargetGroupType(t *testing.T) {
	service := `
resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = aws_ecs_task_definition.app.arn
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 80
  }
}
`
	testRule(t, NewTargetGroupTypeRule(), []ruleCase{
		{name: "awsvpc with the default type", src: awsvpcTask + service + `
resource "aws_lb_target_group" "app" {
  name = "app"
}`,
			want: []string{`17:1: target group aws_lb_target_group.app has no target_type, so it is "instance", but service aws_ecs_service.app runs awsvpc tasks`}},
		{name: "awsvpc with instance", src: awsvpcTask + service + `
resource "aws_lb_target_group" "app" {
  target_type = "instance"
}`,
			want: []string{`18:17: target group aws_lb_target_group.app has target_type "instance", but service aws_ecs_service.app runs awsvpc tasks`}},
		{name: "bridge with ip", src: bridgeTask + service + `
resource "aws_lb_target_group" "app" {
  target_type = "ip"
}`,
			want: []string{`17:17: target group aws_lb_target_group.app has target_type "ip", but service aws_ecs_service.app runs bridge tasks`}},
		{name: "silent: awsvpc with ip", src: awsvpcTask + service + `
resource "aws_lb_target_group" "app" {
  target_type = "ip"
}`},
		{name: "silent: bridge with the default type", src: bridgeTask + service + `
resource "aws_lb_target_group" "app" {
  name = "app"
}`},
		{name: "silent: target group from another module", src: awsvpcTask + `
resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = aws_ecs_task_definition.app.arn
  load_balancer {
    target_group_arn = module.alb.target_group_arn
    container_name   = "app"
    container_port   = 80
  }
}`},
	})
}
