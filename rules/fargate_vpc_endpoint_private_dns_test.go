package rules

import "testing"

func TestVPCEndpointPrivateDNS(t *testing.T) {
	testRule(t, NewVPCEndpointPrivateDNSRule(), []ruleCase{
		{name: "omitted", src: `
resource "aws_vpc_endpoint" "ecr" {
  service_name      = "com.amazonaws.eu-west-1.ecr.dkr"
  vpc_endpoint_type = "Interface"
}`, want: []string{`2:1: private_dns_enabled is not set, and the provider then sends false`}},
		{name: "false", src: `
resource "aws_vpc_endpoint" "logs" {
  service_name        = "com.amazonaws.eu-west-1.logs"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = false
}`, want: []string{`5:25: private_dns_enabled is false, so tasks resolve logs to its public address`}},
		{name: "silent: enabled", src: `
resource "aws_vpc_endpoint" "logs" {
  service_name        = "com.amazonaws.eu-west-1.logs"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}`},
		{name: "silent: a service tasks do not call by name", src: `
resource "aws_vpc_endpoint" "kms" {
  service_name      = "com.amazonaws.eu-west-1.kms"
  vpc_endpoint_type = "Interface"
}`},
	})
}
