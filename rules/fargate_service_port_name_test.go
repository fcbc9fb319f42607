package rules

import "testing"

func TestServicePortName(t *testing.T) {
	task := func(mappings string) string {
		return `
resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  container_definitions    = jsonencode([{ name = "app", image = "nginx", portMappings = [` + mappings + `] }])
}
`
	}
	connect := func(portName string) string {
		return `resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  service_connect_configuration {
    enabled   = true
    namespace = "internal"
    service {
      port_name = ` + portName + `
    }
  }
}`
	}
	lattice := `resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  vpc_lattice_configurations {
    port_name        = "http"
    target_group_arn = "arn:aws:vpc-lattice:eu-west-1:123456789012:targetgroup/tg-1"
    role_arn         = "arn:aws:iam::123456789012:role/ecs-infra"
  }
}`
	testRule(t, NewServicePortNameRule(), []ruleCase{
		{name: "Service Connect names a port mapping that has no name", src: task(`{ containerPort = 80 }`) + connect(`"http"`),
			want: []string{`14:19: port_name "http" is not the name of a port mapping in task definition aws_ecs_task_definition.app (none of its port mappings has a name): Service Connect finds the port`}},
		{name: "Service Connect names another port", src: task(`{ containerPort = 80, name = "web" }, { containerPort = 9090, name = "metrics" }`) + connect(`"http"`),
			want: []string{`14:19: port_name "http" is not the name of a port mapping in task definition aws_ecs_task_definition.app (its port mappings are named "web", "metrics")`}},
		{name: "VPC Lattice names a missing port", src: task(`{ containerPort = 80, name = "web" }`) + lattice,
			want: []string{`11:24: port_name "http" is not the name of a port mapping in task definition aws_ecs_task_definition.app (its port mappings are named "web"): VPC Lattice finds the port`}},
		{name: "silent: the names match", src: task(`{ containerPort = 80, name = "http" }`) + connect(`"http"`)},
		{name: "silent: VPC Lattice names match", src: task(`{ containerPort = 80, name = "http" }`) + lattice},
		{name: "silent: a port name not known", src: task(`{ containerPort = 80, name = var.port_name }`) + connect(`"http"`)},
		{name: "silent: a container not known", src: `
resource "aws_ecs_task_definition" "app" {
  container_definitions = jsonencode([var.container])
}
` + connect(`"http"`)},
		{name: "silent: Service Connect turned off", src: task(`{ containerPort = 80 }`) + `resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  service_connect_configuration {
    enabled = false
    service {
      port_name = "http"
    }
  }
}`},
		{name: "silent: task definition not resolved", src: connect(`"http"`)},
	})
}
