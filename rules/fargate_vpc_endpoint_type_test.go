package rules

import "testing"

func TestVPCEndpointType(t *testing.T) {
	testRule(t, NewVPCEndpointTypeRule(), []ruleCase{
		{name: "Interface-only service left at the default", src: `
resource "aws_vpc_endpoint" "ecr" {
  service_name = "com.amazonaws.eu-west-1.ecr.dkr"
}`, want: []string{`2:1: the ecr.dkr service only offers Interface endpoints, and vpc_endpoint_type defaults to "Gateway"`}},
		{name: "explicit Gateway with an unknown region", src: `
resource "aws_vpc_endpoint" "logs" {
  service_name      = "com.amazonaws.${var.region}.logs"
  vpc_endpoint_type = "Gateway"
}`, want: []string{`4:23: the logs service only offers Interface endpoints: set vpc_endpoint_type = "Interface"`}},
		{name: "silent: Interface", src: `
resource "aws_vpc_endpoint" "ecr" {
  service_name      = "com.amazonaws.eu-west-1.ecr.api"
  vpc_endpoint_type = "Interface"
}`},
		{name: "silent: S3 Gateway", src: `
resource "aws_vpc_endpoint" "s3" {
  service_name = "com.amazonaws.eu-west-1.s3"
}`},
		{name: "silent: unknown service", src: `
resource "aws_vpc_endpoint" "x" {
  service_name = var.service
}`},
	})
}
