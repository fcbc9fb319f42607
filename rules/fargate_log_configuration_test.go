package rules

import "testing"

func TestLogConfiguration(t *testing.T) {
	testRule(t, NewLogConfigurationRule(), []ruleCase{
		{name: "unsupported driver on Fargate", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{ name = "a", logConfiguration = { logDriver = "syslog" } }])`),
			want: []string{`8:86: container "a" uses the log driver "syslog", which Fargate does not support`}},
		{name: "awslogs options missing", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{ name = "a", logConfiguration = {
    logDriver = "awslogs"
    options   = { "awslogs-group" = "/ecs/a" }
  } }])`),
			want: []string{
				`10:5: options have no "awslogs-region"`,
				`10:5: options have no "awslogs-stream-prefix"`,
			}},
		{name: "awslogs without options", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{ name = "a", logConfiguration = { logDriver = "awslogs" } }])`),
			want: []string{
				`8:86: options have no "awslogs-group"`,
				`8:86: options have no "awslogs-region"`,
				`8:86: options have no "awslogs-stream-prefix"`,
			}},
		{name: "EC2 task needs only the group", src: `
resource "aws_ecs_task_definition" "ec2" {
  family                = "ec2"
  container_definitions = jsonencode([{ name = "a", logConfiguration = { logDriver = "awslogs", options = { "awslogs-region" = "us-east-1" } } }])
}`,
			want: []string{`4:97: options have no "awslogs-group"`}},
		{name: "silent: complete awslogs", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{ name = "a", logConfiguration = { logDriver = "awslogs", options = {
    "awslogs-group" = "g", "awslogs-region" = "us-east-1", "awslogs-stream-prefix" = "a"
  } } }])`)},
		{name: "silent: unknown options", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{ name = "a", logConfiguration = { logDriver = "awslogs", options = aws_thing.x.options } }])`)},
		{name: "silent: splunk and awsfirelens", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{ name = "a", logConfiguration = { logDriver = "splunk" } }, { name = "b", logConfiguration = { logDriver = "awsfirelens" } }])`)},
	})
}
