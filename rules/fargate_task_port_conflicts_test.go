package rules

import "testing"

func TestTaskPortConflicts(t *testing.T) {
	testRule(t, NewTaskPortConflictsRule(), []ruleCase{
		{name: "same container port twice in one container", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{ name = "dns", portMappings = [
    { containerPort = 53, protocol = "udp" },
    { containerPort = 53, protocol = "tcp" },
  ] }])`),
			want: []string{`10:23: container "dns" maps containerPort 53 more than once`}},
		{name: "two awsvpc containers on one port", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([
    { name = "a", portMappings = [{ containerPort = 8080 }] },
    { name = "b", portMappings = [{ containerPort = 8080, protocol = "tcp" }] },
  ])`),
			want: []string{`10:53: TCP port 8080 is already taken by container "a"`}},
		{name: "bridge static host ports collide", src: fargateTask(`  network_mode = "bridge"
  container_definitions = jsonencode([
    { name = "a", portMappings = [{ containerPort = 80, hostPort = 3000 }] },
    { name = "b", portMappings = [{ containerPort = 81, hostPort = 3000 }] },
  ])`),
			want: []string{`10:68: TCP port 3000 is already taken by container "a"`}},
		{name: "none mode with port mappings", src: fargateTask(`  network_mode = "none"
  container_definitions = jsonencode([{ name = "a", portMappings = [{ containerPort = 80 }] }])`),
			want: []string{`8:53: container "a" has portMappings, but a task in none network mode`}},
		{name: "silent: different protocols across containers", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([
    { name = "a", portMappings = [{ containerPort = 53, protocol = "udp" }] },
    { name = "b", portMappings = [{ containerPort = 53 }] },
  ])`)},
		{name: "silent: bridge dynamic host ports", src: fargateTask(`  network_mode = "bridge"
  container_definitions = jsonencode([
    { name = "a", portMappings = [{ containerPort = 80 }] },
    { name = "b", portMappings = [{ containerPort = 80, hostPort = 0 }] },
  ])`)},
	})
}
