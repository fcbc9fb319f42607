package rules

import "testing"

func TestServiceRegistries(t *testing.T) {
	containers := `  container_definitions = jsonencode([{ name = "web", portMappings = [{ containerPort = 80 }] }])`
	awsvpc := "\nresource \"aws_ecs_task_definition\" \"app\" {\n  network_mode = \"awsvpc\"\n" + containers + "\n}\n"
	bridge := "\nresource \"aws_ecs_task_definition\" \"app\" {\n" + containers + "\n}\n"
	service := func(registry string) string {
		return `
resource "aws_service_discovery_service" "a" {
  dns_config {
    dns_records {
      type = "A"
    }
  }
}
resource "aws_service_discovery_service" "srv" {
  dns_config {
    dns_records {
      type = "SRV"
    }
  }
}
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  service_registries {
` + registry + `
  }
}`
	}
	testRule(t, NewServiceRegistriesRule(), []ruleCase{
		{name: "Service Connect without a namespace anywhere", src: `
resource "aws_ecs_cluster" "main" {
  name = "main"
}
resource "aws_ecs_service" "app" {
  cluster = aws_ecs_cluster.main.id
  service_connect_configuration {
    enabled = true
  }
}`, want: []string{`7:3: Service Connect is enabled for service aws_ecs_service.app, but neither this block nor its cluster aws_ecs_cluster.main (service_connect_defaults) names a Cloud Map namespace`}},
		{name: "silent: the cluster's default namespace", src: `
resource "aws_ecs_cluster" "main" {
  name = "main"
  service_connect_defaults {
    namespace = aws_service_discovery_http_namespace.internal.arn
  }
}
resource "aws_ecs_service" "app" {
  cluster = aws_ecs_cluster.main.id
  service_connect_configuration {
    enabled = true
  }
}`},
		{name: "silent: the service's namespace", src: `
resource "aws_ecs_cluster" "main" {
  name = "main"
}
resource "aws_ecs_service" "app" {
  cluster = aws_ecs_cluster.main.id
  service_connect_configuration {
    enabled   = true
    namespace = "internal"
  }
}`},
		{name: "silent: cluster not in the configuration", src: `
resource "aws_ecs_service" "app" {
  cluster = var.cluster
  service_connect_configuration {
    enabled = true
  }
}`},
		{name: "bridge without container", src: bridge + service(`    registry_arn = aws_service_discovery_service.srv.arn`),
			want: []string{`22:3: a service of bridge tasks registers SRV records, which need container_name and container_port`}},
		{name: "port and container together", src: awsvpc + service(`    registry_arn   = aws_service_discovery_service.srv.arn
    port           = 80
    container_name = "web"
    container_port = 80`),
			want: []string{`25:22: service_registries sets port together with container_name/container_port`}},
		{name: "A records with a container port", src: awsvpc + service(`    registry_arn   = aws_service_discovery_service.a.arn
    container_name = "web"
    container_port = 80`),
			want: []string{`26:22: container_port is set, but the Cloud Map service has only A or AAAA records`}},
		{name: "unknown container", src: bridge + service(`    registry_arn   = aws_service_discovery_service.srv.arn
    container_name = "api"
    container_port = 80`),
			want: []string{`24:22: task definition aws_ecs_task_definition.app has no container named "api"`}},
		{name: "silent: awsvpc with A records only", src: awsvpc + service(`    registry_arn = aws_service_discovery_service.a.arn`)},
		{name: "silent: bridge with container and port", src: bridge + service(`    registry_arn   = aws_service_discovery_service.srv.arn
    container_name = "web"
    container_port = 80`)},
		{name: "silent: registry from another module", src: awsvpc + service(`    registry_arn   = module.sd.arn
    container_name = "web"
    container_port = 80`)},
	})
}
