package rules

import "testing"

func TestServiceLoadBalancerContainer(t *testing.T) {
	task := `
resource "aws_ecs_task_definition" "app" {
  container_definitions = jsonencode([
    { name = "web", portMappings = [{ containerPort = 8080 }] },
    { name = "sidecar" },
  ])
}
`
	service := func(name, port string) string {
		return `
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  load_balancer {
    target_group_arn = "arn"
    container_name   = ` + name + `
    container_port   = ` + port + `
  }
}`
	}
	newest := func(family, revision string) string {
		return `
data "aws_ecs_task_definition" "app" {
  task_definition = ` + family + `
}
resource "aws_ecs_service" "app" {
  task_definition = "${aws_ecs_task_definition.app.family}:${` + revision + `}"
  load_balancer {
    target_group_arn = "arn"
    container_name   = "web"
    container_port   = 80
  }
}`
	}
	testRule(t, NewServiceLoadBalancerContainerRule(), []ruleCase{
		{name: "unknown container", src: task + service(`"api"`, "8080"),
			want: []string{`13:24: task definition aws_ecs_task_definition.app has no container named "api"`}},
		{name: "port the container does not map", src: task + service(`"web"`, "80"),
			want: []string{`14:24: container "web" of task definition aws_ecs_task_definition.app maps no containerPort 80`}},
		{name: "container without port mappings", src: task + service(`"sidecar"`, "80"),
			want: []string{`14:24: container "sidecar" of task definition aws_ecs_task_definition.app maps no containerPort 80`}},
		{name: "silent: matching container and port", src: task + service(`"web"`, "8080")},
		{name: "the family's newest revision, which the resource registers", src: task + newest("aws_ecs_task_definition.app.family", "max(aws_ecs_task_definition.app.revision, data.aws_ecs_task_definition.app.revision)"),
			want: []string{`17:24: container "web" of task definition aws_ecs_task_definition.app maps no containerPort 80`}},
		{name: "the newest revision read alone", src: task + newest("aws_ecs_task_definition.app.family", "data.aws_ecs_task_definition.app.revision"),
			want: []string{`17:24: container "web" of task definition aws_ecs_task_definition.app maps no containerPort 80`}},
		{name: "silent: a data source reading another revision of the family", src: task + newest(`"${aws_ecs_task_definition.app.family}:3"`, "max(aws_ecs_task_definition.app.revision, data.aws_ecs_task_definition.app.revision)")},
		{name: "silent: the newest revision of a family named by a literal", src: task + newest(`"app"`, "max(aws_ecs_task_definition.app.revision, data.aws_ecs_task_definition.app.revision)")},
		{name: "silent: the newest revision of a family from a variable", src: task + newest("var.family", "max(aws_ecs_task_definition.app.revision, data.aws_ecs_task_definition.app.revision)")},
		{name: "silent: unknown containers", src: `
resource "aws_ecs_task_definition" "app" {
  container_definitions = var.containers
}
` + service(`"api"`, "8080")},
		{name: "silent: unknown port mapping", src: `
resource "aws_ecs_task_definition" "app" {
  container_definitions = jsonencode([{ name = "web", portMappings = [{ containerPort = var.port }] }])
}
` + service(`"web"`, "80")},
	})
}
