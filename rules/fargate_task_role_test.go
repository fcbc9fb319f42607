package rules

import "testing"

func TestTaskRole(t *testing.T) {
	testRule(t, NewTaskRoleRule(), []ruleCase{
		{name: "FireLens without a task role", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{ name = "a", image = "nginx", logConfiguration = { logDriver = "awsfirelens" } }])`),
			want: []string{`2:1: task_role_arn is not set, but container "a" logs through FireLens`}},
		{name: "EFS IAM without a task role", src: fargateTask(`  network_mode = "awsvpc"
  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id     = "fs-1"
      transit_encryption = "ENABLED"
      authorization_config {
        iam = "ENABLED"
      }
    }
  }`),
			want: []string{`2:1: task_role_arn is not set, but volume "data" uses EFS IAM authorization`}},
		{name: "silent with a task role", src: fargateTask(`  network_mode = "awsvpc"
  task_role_arn = "arn:aws:iam::123456789012:role/t"
  container_definitions = jsonencode([{ name = "a", image = "nginx", logConfiguration = { logDriver = "awsfirelens" } }])`)},
		{name: "silent: EFS without IAM", src: fargateTask(`  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id = "fs-1"
    }
  }`)},
	})
}
