package rules

import (
	"strings"
	"testing"
)

// isolatedFargate is a Fargate service pulling a private ECR image from a subnet with no
// route out, in aws_vpc.main.
const isolatedFargate = `
resource "aws_vpc" "main" {}
resource "aws_subnet" "a" {
  vpc_id = aws_vpc.main.id
}
resource "aws_ecs_task_definition" "app" {
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{ name = "app", image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1" }])
}
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets = [aws_subnet.a.id]
  }
}
`

func endpointOf(name, service, typ string) string {
	return `
resource "aws_vpc_endpoint" "` + name + `" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.` + service + `"
  vpc_endpoint_type   = "` + typ + `"
  private_dns_enabled = ` + map[bool]string{true: "true", false: "false"}[typ == "Interface"] + `
}
`
}

func TestVPCEndpointSet(t *testing.T) {
	testRule(t, NewVPCEndpointSetRule(), []ruleCase{
		{name: "ecr.dkr without ecr.api", src: isolatedFargate + endpointOf("dkr", "ecr.dkr", "Interface") + endpointOf("s3", "s3", "Gateway"),
			want: []string{`18:1: the ECR endpoint set is incomplete: missing ecr.api (registry authentication, platform 1.4.0)`}},
		{name: "two private-DNS endpoints for one service", src: `
resource "aws_vpc" "main" {}
` + endpointOf("logs_a", "logs", "Interface") + endpointOf("logs_b", "logs", "Interface"),
			want: []string{`11:1: endpoint aws_vpc_endpoint.logs_b is a second private-DNS endpoint for logs in this VPC, after aws_vpc_endpoint.logs_a`}},
		{name: "another region than the provider's", src: `
provider "aws" {
  region = "eu-west-1"
}
resource "aws_vpc_endpoint" "logs" {
  service_name = "com.amazonaws.us-east-1.logs"
}`, want: []string{`6:18: this endpoint is for region us-east-1, but the provider creates it in eu-west-1`}},
		{name: "silent: complete set", src: isolatedFargate + endpointOf("dkr", "ecr.dkr", "Interface") + endpointOf("api", "ecr.api", "Interface") + endpointOf("s3", "s3", "Gateway")},
		{name: "silent: platform 1.3.0 needs no ecr.api", src: strings.Replace(isolatedFargate, `launch_type     = "FARGATE"`, `launch_type     = "FARGATE"
  platform_version = "1.3.0"`, 1) + endpointOf("dkr", "ecr.dkr", "Interface") + endpointOf("s3", "s3", "Gateway")},
		{name: "silent: provider with an alias", src: `
provider "aws" {
  region = "eu-west-1"
  alias  = "x"
}
resource "aws_vpc_endpoint" "logs" {
  service_name = "com.amazonaws.us-east-1.logs"
}`},
	})
}
