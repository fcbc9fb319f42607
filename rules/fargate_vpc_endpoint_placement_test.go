package rules

import "testing"

func TestVPCEndpointPlacement(t *testing.T) {
	testRule(t, NewVPCEndpointPlacementRule(), []ruleCase{
		{name: "Interface without subnets", src: `
resource "aws_vpc_endpoint" "logs" {
  service_name      = "com.amazonaws.eu-west-1.logs"
  vpc_endpoint_type = "Interface"
}`, want: []string{`2:1: this Interface endpoint has no subnet_ids`}},
		{name: "Gateway on no route table", src: `
resource "aws_vpc_endpoint" "s3" {
  service_name = "com.amazonaws.eu-west-1.s3"
}`, want: []string{`2:1: this Gateway endpoint is on no route table`}},
		{name: "S3 Interface as the only S3 path for ECR", src: `
resource "aws_vpc" "main" {}
resource "aws_vpc_endpoint" "ecr" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ecr.dkr"
  vpc_endpoint_type = "Interface"
  subnet_ids        = ["subnet-1"]
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Interface"
  subnet_ids        = ["subnet-1"]
}`, want: []string{`12:23: ECR serves image layers from S3 through a Gateway endpoint only`}},
		{name: "silent: subnets through an association", src: `
resource "aws_vpc_endpoint" "logs" {
  service_name      = "com.amazonaws.eu-west-1.logs"
  vpc_endpoint_type = "Interface"
}
resource "aws_vpc_endpoint_subnet_association" "a" {
  vpc_endpoint_id = aws_vpc_endpoint.logs.id
  subnet_id       = "subnet-1"
}`},
		{name: "silent: route tables", src: `
resource "aws_vpc_endpoint" "s3" {
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = [aws_route_table.private.id]
}`},
		{name: "silent: an association naming an unknown endpoint", src: `
resource "aws_vpc_endpoint" "s3" {
  service_name = "com.amazonaws.eu-west-1.s3"
}
resource "aws_vpc_endpoint_route_table_association" "a" {
  vpc_endpoint_id = var.endpoint_id
  route_table_id  = "rtb-1"
}`},
	})
}
