package rules

import "testing"

func TestAwsvpcHostPort(t *testing.T) {
	testRule(t, NewAwsvpcHostPortRule(), []ruleCase{
		{name: "jsonencode value is flagged", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{
    name = "app"
    portMappings = [{ containerPort = 80, hostPort = 8080 }]
  }])`),
			want: []string{`10:54: hostPort 8080 must equal containerPort 80`}},
		{name: "host mode is flagged", src: fargateTask(`  network_mode = "host"
  container_definitions = jsonencode([{ name = "a", portMappings = [{ containerPort = 80, hostPort = 81 }] }])`),
			want: []string{`8:102: hostPort 81 must equal containerPort 80`}},
		{name: "through locals", src: `
locals {
  port = 8000 + 80
}
` + fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{ name = "a", portMappings = [{ containerPort = local.port, hostPort = 80 }] }])`),
			want: []string{`12:110: hostPort 80 must equal containerPort 8080`}},
		{name: "equal ports are silent", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{ name = "a", portMappings = [{ containerPort = 80, hostPort = 80 }] }])`)},
		{name: "zero and omitted are silent", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{ name = "a", portMappings = [{ containerPort = 80, hostPort = 0 }, { containerPort = 81 }] }])`)},
		{name: "bridge is silent", src: fargateTask(`  network_mode = "bridge"
  container_definitions = jsonencode([{ name = "a", portMappings = [{ containerPort = 80, hostPort = 8080 }] }])`)},
		{name: "unknown host port is silent", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{ name = "a", portMappings = [{ containerPort = 80, hostPort = aws_thing.x.port }] }])`)},
	})
}
