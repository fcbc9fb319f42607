package rules

import "testing"

func TestVPCDNS(t *testing.T) {
	endpoint := `
resource "aws_vpc_endpoint" "ecr" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ecr.dkr"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
`
	testRule(t, NewVPCDNSRule(), []ruleCase{
		{name: "hostnames omitted", src: endpoint + `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}`, want: []string{`9:1: enable_dns_hostnames is not set, so it is false, but the ecr.dkr endpoint aws_vpc_endpoint.ecr uses private DNS`}},
		{name: "support off", src: endpoint + `
resource "aws_vpc" "main" {
  enable_dns_hostnames = true
  enable_dns_support   = false
}`, want: []string{`11:26: enable_dns_support is false`}},
		{name: "private DNS namespace", src: `
resource "aws_vpc" "main" {
  enable_dns_hostnames = false
}
resource "aws_service_discovery_private_dns_namespace" "ns" {
  name = "svc.local"
  vpc  = aws_vpc.main.id
}`, want: []string{`3:26: enable_dns_hostnames is false, but the private DNS namespace aws_service_discovery_private_dns_namespace.ns is in this VPC`}},
		{name: "silent: both on", src: endpoint + `
resource "aws_vpc" "main" {
  enable_dns_hostnames = true
}`},
		{name: "silent: no private DNS user", src: `
resource "aws_vpc" "main" {}`},
	})
}
