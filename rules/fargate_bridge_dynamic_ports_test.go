package rules

import (
	"strings"
	"testing"
)

// bridgeBehindALB is a bridge service with a dynamic host port behind an instance target
// group, placed by a capacity provider on an Auto Scaling group whose instances' security
// group admits what each case writes.
func bridgeBehindALB(ingress string) string {
	return `
resource "aws_ecs_cluster" "main" {
  name = "main"
}
resource "aws_security_group" "instances" {
` + ingress + `
}
resource "aws_launch_template" "ecs" {
  vpc_security_group_ids = [aws_security_group.instances.id]
}
resource "aws_autoscaling_group" "ecs" {
  launch_template {
    id = aws_launch_template.ecs.id
  }
}
resource "aws_ecs_capacity_provider" "ec2" {
  name = "ec2"
  auto_scaling_group_provider {
    auto_scaling_group_arn = aws_autoscaling_group.ecs.arn
  }
}
resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = [aws_ecs_capacity_provider.ec2.name]
  default_capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.ec2.name
    weight            = 1
  }
}
resource "aws_lb_target_group" "web" {
  port     = 80
  protocol = "HTTP"
}
resource "aws_ecs_task_definition" "web" {
  container_definitions = jsonencode([{ name = "web", image = "nginx", portMappings = [{ containerPort = 80 }] }])
}
resource "aws_ecs_service" "web" {
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.web.arn
  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "web"
    container_port   = 80
  }
}
`
}

// ingressRule writes an inline ingress rule.
func ingressRule(from, to, protocol string) string {
	return `  ingress {
    from_port       = ` + from + `
    to_port         = ` + to + `
    protocol        = "` + protocol + `"
    security_groups = ["sg-0123456789abcdef0"]
  }`
}

func TestBridgeDynamicPorts(t *testing.T) {
	testRule(t, NewBridgeDynamicPortsRule(), []ruleCase{
		{name: "instances admit only port 80", src: bridgeBehindALB(ingressRule("80", "80", "tcp")),
			want: []string{`14:28: service aws_ecs_service.web runs bridge tasks behind target group aws_lb_target_group.web on dynamic host ports, which Docker picks from the instance's ephemeral range (32768-61000 on the ECS-optimized AMI, 49153-65535 otherwise), but these security group`}},
		{name: "instances admit nothing", src: bridgeBehindALB(""),
			want: []string{`9:28: service aws_ecs_service.web runs bridge tasks behind target group aws_lb_target_group.web on dynamic host ports`}},
		{name: "service on the EC2 launch type, instance joining by user data", src: strings.Replace(strings.Replace(bridgeBehindALB(ingressRule("80", "80", "tcp")), `resource "aws_autoscaling_group" "ecs" {
  launch_template {
    id = aws_launch_template.ecs.id
  }
}`, `resource "aws_instance" "ecs" {
  vpc_security_group_ids = [aws_security_group.instances.id]
  user_data              = "ECS_CLUSTER=main"
}`, 1), `  task_definition = aws_ecs_task_definition.web.arn`, `  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "EC2"`, 1),
			want: []string{`17:28: service aws_ecs_service.web runs bridge tasks behind target group aws_lb_target_group.web on dynamic host ports`}},
		{name: "silent: the ephemeral range is open", src: bridgeBehindALB(ingressRule("32768", "65535", "tcp"))},
		{name: "silent: part of the range is open", src: bridgeBehindALB(ingressRule("49153", "65535", "tcp"))},
		{name: "silent: all traffic", src: bridgeBehindALB(ingressRule("0", "0", "-1"))},
		{name: "silent: a static host port", src: strings.Replace(bridgeBehindALB(ingressRule("80", "80", "tcp")), "{ containerPort = 80 }", "{ containerPort = 80, hostPort = 80 }", 1)},
		{name: "silent: a rule resource the model cannot place", src: bridgeBehindALB(ingressRule("80", "80", "tcp")) + `
resource "aws_security_group_rule" "x" {
  type              = "ingress"
  security_group_id = var.group
  from_port         = 32768
  to_port           = 65535
  protocol          = "tcp"
}`},
		{name: "silent: security groups the model cannot read", src: strings.Replace(bridgeBehindALB(ingressRule("80", "80", "tcp")), "[aws_security_group.instances.id]", "var.groups", 1)},
		{name: "silent: an awsvpc task", src: strings.Replace(bridgeBehindALB(ingressRule("80", "80", "tcp")), `resource "aws_ecs_task_definition" "web" {`, `resource "aws_ecs_task_definition" "web" {
  network_mode = "awsvpc"`, 1)},
		{name: "silent: a UDP target group", src: strings.Replace(bridgeBehindALB(ingressRule("80", "80", "tcp")), `protocol = "HTTP"`, `protocol = "UDP"`, 1)},
		{name: "silent: the strategy gives no task to the group", src: strings.Replace(bridgeBehindALB(ingressRule("80", "80", "tcp")), `  task_definition = aws_ecs_task_definition.web.arn`, `  task_definition = aws_ecs_task_definition.web.arn
  capacity_provider_strategy {
    capacity_provider = "other"
    weight            = 1
  }`, 1)},
	})
}
