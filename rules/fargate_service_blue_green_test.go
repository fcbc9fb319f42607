package rules

import "testing"

func TestServiceBlueGreen(t *testing.T) {
	base := `
resource "aws_lb_target_group" "blue" {
  target_type = "ip"
}
resource "aws_lb_target_group" "green" {
  target_type = "ip"
}
resource "aws_lb_target_group" "other" {
  target_type = "ip"
}
resource "aws_lb_listener" "http" {
  protocol = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.blue.arn
  }
}
`
	rule := func(name, forward string) string {
		return `resource "aws_lb_listener_rule" "` + name + `" {
  listener_arn = aws_lb_listener.http.arn
  action {
    type = "forward"
    forward {
` + forward + `
    }
  }
}
`
	}
	both := "      target_group {\n        arn = aws_lb_target_group.blue.arn\n      }\n      target_group {\n        arn    = aws_lb_target_group.green.arn\n        weight = 0\n      }"
	blueOnly := "      target_group {\n        arn = aws_lb_target_group.blue.arn\n      }"
	greenOnly := "      target_group {\n        arn = aws_lb_target_group.green.arn\n      }"
	service := func(advanced string) string {
		return `resource "aws_ecs_service" "app" {
  deployment_configuration {
    strategy = "BLUE_GREEN"
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.blue.arn
    container_name   = "app"
    container_port   = 80
    advanced_configuration {
      alternate_target_group_arn = aws_lb_target_group.green.arn
      role_arn                   = "arn:aws:iam::123456789012:role/ecs-infrastructure"
` + advanced + `
    }
  }
}`
	}
	prod := "      production_listener_rule = aws_lb_listener_rule.prod.arn"
	testRule(t, NewServiceBlueGreenRule(), []ruleCase{
		{name: "silent: production rule forwards to both", src: base + rule("prod", both) + service(prod)},
		{name: "silent: production and test rules share the groups", src: base + rule("prod", blueOnly) + rule("test", greenOnly) +
			service(prod+"\n      test_listener_rule       = aws_lb_listener_rule.test.arn")},
		{name: "ALB production rule to one group and no test rule", src: base + rule("prod", blueOnly) + service(prod),
			want: []string{`40:34: production listener rule aws_lb_listener_rule.prod does not forward to target group aws_lb_target_group.green, and there is no test listener rule (AWS: "For Application LoadBalancer, testListenerRule is required`}},
		{name: "neither rule forwards to the alternate", src: base + rule("prod", blueOnly) + rule("test", blueOnly) +
			service(prod+"\n      test_listener_rule       = aws_lb_listener_rule.test.arn"),
			want: []string{`51:34: target group aws_lb_target_group.green is forwarded to by neither the production nor the test listener rule`}},
		{name: "the same rule for production and test", src: base + rule("prod", both) +
			service(prod+"\n      test_listener_rule       = aws_lb_listener_rule.prod.arn"),
			want: []string{`45:34: test_listener_rule is the production listener rule aws_lb_listener_rule.prod too`}},
		{name: "silent: production and test are two instances of one for_each rule", src: base + `resource "aws_lb_listener_rule" "r" {
  for_each     = { production = aws_lb_target_group.blue.arn, test = aws_lb_target_group.green.arn }
  listener_arn = aws_lb_listener.http.arn
  action {
    type             = "forward"
    target_group_arn = each.value
  }
}
` + service("      production_listener_rule = aws_lb_listener_rule.r[\"production\"].arn\n      test_listener_rule       = aws_lb_listener_rule.r[\"test\"].arn")},
		{name: "the same instance of a for_each rule for production and test", src: base + `resource "aws_lb_listener_rule" "r" {
  for_each     = { production = aws_lb_target_group.blue.arn, test = aws_lb_target_group.green.arn }
  listener_arn = aws_lb_listener.http.arn
  action {
    type             = "forward"
    target_group_arn = each.value
  }
}
` + service("      production_listener_rule = aws_lb_listener_rule.r[\"production\"].arn\n      test_listener_rule       = aws_lb_listener_rule.r[\"production\"].arn"),
			want: []string{`38:34: test_listener_rule is the production listener rule aws_lb_listener_rule.r["production"] too`}},
		{name: "silent: a rule instance that cannot be told", src: base + `resource "aws_lb_listener_rule" "r" {
  for_each     = { production = aws_lb_target_group.blue.arn, test = aws_lb_target_group.green.arn }
  listener_arn = aws_lb_listener.http.arn
  action {
    type             = "forward"
    target_group_arn = each.value
  }
}
` + service("      production_listener_rule = aws_lb_listener_rule.r[\"production\"].arn\n      test_listener_rule       = aws_lb_listener_rule.r[var.key].arn")},
		{name: "an ALB listener instead of a rule", src: base + service("      production_listener_rule = aws_lb_listener.http.arn"),
			want: []string{`29:34: productionListenerRule names listener aws_lb_listener.http of an Application Load Balancer`}},
		{name: "production rule forwards to another group", src: base + rule("prod", both+"\n      target_group {\n        arn    = aws_lb_target_group.other.arn\n        weight = 0\n      }") + service(prod),
			want: []string{`48:34: production listener rule aws_lb_listener_rule.prod forwards to target group aws_lb_target_group.other, which is neither`}},
		{name: "both target groups serve traffic", src: base + rule("prod", "      target_group {\n        arn    = aws_lb_target_group.blue.arn\n        weight = 50\n      }\n      target_group {\n        arn    = aws_lb_target_group.green.arn\n        weight = 50\n      }") + service(prod),
			want: []string{`45:34: production listener rule aws_lb_listener_rule.prod sends traffic to 2 target groups, and a blue/green deployment starts from one`}},
		{name: "blue/green without advanced_configuration", src: base + `resource "aws_ecs_service" "app" {
  deployment_configuration {
    strategy = "BLUE_GREEN"
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.blue.arn
    container_name   = "app"
    container_port   = 80
  }
}`, want: []string{`22:3: service aws_ecs_service.app deploys with strategy BLUE_GREEN, which shifts traffic between two target groups, but this load_balancer has no advanced_configuration`}},
		{name: "silent: rolling without advanced_configuration", src: base + `resource "aws_ecs_service" "app" {
  load_balancer {
    target_group_arn = aws_lb_target_group.blue.arn
    container_name   = "app"
    container_port   = 80
  }
}`},
		{name: "silent: a listener rule not in the configuration", src: base + service("      production_listener_rule = var.rule_arn")},
		{name: "silent: a forward target not known", src: base + rule("prod", "      target_group {\n        arn = var.tg\n      }") + service(prod)},
	})
}
