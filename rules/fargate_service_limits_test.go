package rules

import (
	"fmt"
	"strings"
	"testing"
)

func quotedList(prefix string, n int) string {
	var items []string
	for i := 0; i < n; i++ {
		items = append(items, fmt.Sprintf("%q", fmt.Sprintf("%s-%d", prefix, i)))
	}
	return "[" + strings.Join(items, ", ") + "]"
}

func TestServiceLimits(t *testing.T) {
	vpcs := `
resource "aws_vpc" "a" {}
resource "aws_vpc" "b" {}
resource "aws_subnet" "a" {
  vpc_id = aws_vpc.a.id
}
resource "aws_subnet" "b" {
  vpc_id = aws_vpc.b.id
}
resource "aws_security_group" "a" {
  vpc_id = aws_vpc.a.id
}
resource "aws_security_group" "b" {
  vpc_id = aws_vpc.b.id
}
`
	testRule(t, NewServiceLimitsRule(), []ruleCase{
		{name: "too many subnets and groups", src: `
resource "aws_ecs_service" "app" {
  network_configuration {
    subnets         = ` + quotedList("subnet", 17) + `
    security_groups = ` + quotedList("sg", 6) + `
  }
}`, want: []string{`4:23: network_configuration lists 17 subnets, but a service may use at most 16`, `5:23: network_configuration lists 6 security groups`}},
		{name: "subnets in two VPCs", src: vpcs + `
resource "aws_ecs_service" "app" {
  network_configuration {
    subnets = [aws_subnet.a.id, aws_subnet.b.id]
  }
}`, want: []string{`19:15: these subnets are in different VPCs (aws_vpc.a and aws_vpc.b)`}},
		{name: "groups in another VPC than the subnets", src: vpcs + `
resource "aws_ecs_service" "app" {
  network_configuration {
    subnets         = [aws_subnet.a.id]
    security_groups = [aws_security_group.b.id]
  }
}`, want: []string{`20:23: these security groups are in VPC aws_vpc.b, but the service's subnets are in VPC aws_vpc.a`}},
		{name: "six target groups", src: `
resource "aws_ecs_service" "app" {
` + strings.Repeat("  load_balancer {\n    target_group_arn = \"arn\"\n  }\n", 6) + `}`,
			want: []string{`18:3: this service has 6 load_balancer blocks, but a service can register in at most 5 target groups`}},
		{name: "silent: within limits, one VPC", src: vpcs + `
resource "aws_ecs_service" "app" {
  network_configuration {
    subnets         = [aws_subnet.a.id]
    security_groups = [aws_security_group.a.id]
  }
}`},
		{name: "silent: literal id and reference may be the same VPC", src: `
resource "aws_vpc" "a" {}
resource "aws_subnet" "a" {
  vpc_id = aws_vpc.a.id
}
resource "aws_subnet" "b" {
  vpc_id = "vpc-0123"
}
resource "aws_ecs_service" "app" {
  network_configuration {
    subnets = [aws_subnet.a.id, aws_subnet.b.id]
  }
}`},
	})
}
