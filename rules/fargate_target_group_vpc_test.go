package rules

import "testing"

func TestTargetGroupVPC(t *testing.T) {
	src := func(tgVPC string) string {
		return `
resource "aws_vpc" "main" {}
resource "aws_vpc" "other" {}
resource "aws_subnet" "a" {
  vpc_id = aws_vpc.main.id
}
resource "aws_lb_target_group" "app" {
  vpc_id = ` + tgVPC + `
}
resource "aws_ecs_service" "app" {
  network_configuration {
    subnets = [aws_subnet.a.id]
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
  }
}`
	}
	testRule(t, NewTargetGroupVPCRule(), []ruleCase{
		{name: "target group in another VPC", src: src("aws_vpc.other.id"),
			want: []string{`8:12: target group aws_lb_target_group.app is in VPC aws_vpc.other, but service aws_ecs_service.app runs its tasks in subnets of VPC aws_vpc.main`}},
		{name: "silent: same VPC", src: src("aws_vpc.main.id")},
		{name: "silent: a literal id cannot be compared with a reference", src: src(`"vpc-0123"`)},
		{name: "silent: unknown VPC", src: src("var.vpc_id")},
	})
}
