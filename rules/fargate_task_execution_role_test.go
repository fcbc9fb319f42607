package rules

import "testing"

func TestTaskExecutionRole(t *testing.T) {
	testRule(t, NewTaskExecutionRoleRule(), []ruleCase{
		{name: "private ECR image on Fargate", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{ name = "a", image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1" }])`),
			want: []string{`2:1: execution_role_arn is not set, but container "a" pulls the private ECR image`}},
		{name: "awslogs on Fargate", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{ name = "a", image = "nginx", logConfiguration = { logDriver = "awslogs" } }])`),
			want: []string{`2:1: execution_role_arn is not set, but container "a" logs with awslogs`}},
		{name: "secrets on any task", src: `
resource "aws_ecs_task_definition" "ec2" {
  family                = "ec2"
  container_definitions = jsonencode([{ name = "a", image = "nginx", secrets = [{ name = "X", valueFrom = "arn:aws:ssm:us-east-1:123456789012:parameter/x" }] }])
}`,
			want: []string{`2:1: execution_role_arn is not set, but container "a" uses secrets`}},
		{name: "repository credentials on any task", src: `
resource "aws_ecs_task_definition" "ec2" {
  family                = "ec2"
  container_definitions = jsonencode([{ name = "a", image = "ghcr.io/x/y", repositoryCredentials = { credentialsParameter = "arn" } }])
}`,
			want: []string{`2:1: execution_role_arn is not set, but container "a" uses repositoryCredentials`}},
		{name: "silent with a role", src: fargateTask(`  network_mode = "awsvpc"
  execution_role_arn = aws_iam_role.exec.arn
  container_definitions = jsonencode([{ name = "a", image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1", secrets = [{ name = "X", valueFrom = "y" }] }])`)},
		{name: "silent: public images and ECR Public", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{ name = "a", image = "public.ecr.aws/nginx/nginx:1" }, { name = "b", image = "nginx" }])`)},
		{name: "silent: ECR image on an EC2 task", src: `
resource "aws_ecs_task_definition" "ec2" {
  family                = "ec2"
  container_definitions = jsonencode([{ name = "a", image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1" }])
}`},
		{name: "silent: unknown image", src: fargateTask(`  network_mode = "awsvpc"
  container_definitions = jsonencode([{ name = "a", image = "${aws_ecr_repository.a.repository_url}:1" }])`)},
	})
}
