package rules

import (
	"strings"
	"testing"
)

// pullingFargate is a Fargate service pulling a private ECR image in a subnet of the
// VPC's main route table, with the ECR endpoints and the S3 Gateway endpoint; each case
// writes the policy of one of them.
func pullingFargate(s3, dkr, api string) string {
	return `
provider "aws" {
  region = "eu-west-1"
}
resource "aws_vpc" "main" {}
resource "aws_subnet" "a" {
  vpc_id = aws_vpc.main.id
}
resource "aws_ecs_task_definition" "app" {
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{ name = "app", image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:1" }])
}
resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets = [aws_subnet.a.id]
  }
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = [aws_vpc.main.main_route_table_id]
` + policyLine(s3) + `
}
resource "aws_vpc_endpoint" "dkr" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ecr.dkr"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
` + policyLine(dkr) + `
}
resource "aws_vpc_endpoint" "api" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ecr.api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
` + policyLine(api) + `
}
`
}

func policyLine(policy string) string {
	if policy == "" {
		return ""
	}
	return "  policy = " + policy
}

// allowJSON is a jsonencode'd policy allowing actions on resources to everyone.
func allowJSON(actions, resources string) string {
	return `jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = ` + actions + `, Resource = ` + resources + ` }] })`
}

func TestVPCEndpointPolicy(t *testing.T) {
	const layers = `"arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*"`
	document := func(resources string) string {
		return `
data "aws_iam_policy_document" "s3" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ` + resources + `
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}`
	}
	testRule(t, NewVPCEndpointPolicyRule(), []ruleCase{
		{name: "S3 policy for the company's buckets only", src: pullingFargate(allowJSON(`"s3:*"`, `["arn:aws:s3:::example-corp/*"]`), "", ""),
			want: []string{`24:12: this S3 Gateway endpoint policy does not allow s3:GetObject on arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*, the bucket ECR serves image layers from, and the private ECR image pulls of the tasks of service aws_ecs_service.app go through the endpoint: every pull fails (CannotPullContainerError). Add a statement allowing s3:GetObject on arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/* to all principals`}},
		{name: "S3 policy denying other buckets' objects", src: pullingFargate(`jsonencode({ Statement = [
    { Effect = "Allow", Principal = "*", Action = "*", Resource = "*" },
    { Effect = "Deny", Principal = "*", Action = "s3:*", NotResource = ["arn:aws:s3:::example-corp/*"] },
  ] })`, "", ""),
			want: []string{`24:12: this S3 Gateway endpoint policy denies s3:GetObject on arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*`}},
		{name: "S3 policy from a policy document", src: pullingFargate("data.aws_iam_policy_document.s3.json", "", "") + document(`["arn:aws:s3:::example-corp/*"]`),
			want: []string{`24:12: this S3 Gateway endpoint policy does not allow s3:GetObject`}},
		{name: "S3 policy from aws_vpc_endpoint_policy", src: pullingFargate("", "", "") + `
resource "aws_vpc_endpoint_policy" "s3" {
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
  policy          = ` + allowJSON(`"s3:GetObject"`, `"arn:aws:s3:::example-corp/*"`) + `
}`, want: []string{`43:21: this S3 Gateway endpoint policy does not allow s3:GetObject`}},
		{name: "ecr.dkr policy without the pull actions", src: pullingFargate("", allowJSON(`["ecr:GetAuthorizationToken"]`, `"*"`), ""),
			want: []string{`31:12: this ecr.dkr endpoint policy does not allow ecr:BatchGetImage on arn:aws:ecr:eu-west-1:123456789012:repository/team/app, which the pull of 123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:1 by the tasks of service aws_ecs_service.app needs: the pull fails (CannotPullContainerError). Allow ecr:BatchGetImage and ecr:GetDownloadUrlForLayer on arn:aws:ecr:eu-west-1:123456789012:repository/team/app to all principals`}},
		{name: "ecr.dkr policy for another repository", src: pullingFargate("", allowJSON(`"ecr:*"`, `"arn:aws:ecr:eu-west-1:123456789012:repository/other"`), ""),
			want: []string{`31:12: this ecr.dkr endpoint policy does not allow ecr:BatchGetImage`}},
		{name: "ecr.api policy without GetAuthorizationToken", src: pullingFargate("", "", `<<-EOT
    {
      "Statement": [{"Effect": "Allow", "Principal": "*", "Action": ["ecr:BatchGetImage"], "Resource": "*"}]
    }
  EOT`), want: []string{`38:12: this ecr.api endpoint policy does not allow ecr:GetAuthorizationToken on *`}},
		{name: "silent: S3 policy that allows the layer bucket", src: pullingFargate(allowJSON(`"s3:GetObject"`, layers), "", "")},
		{name: "silent: S3 policy document that allows the layer bucket", src: pullingFargate("data.aws_iam_policy_document.s3.json", "", "") + document(`[`+layers+`, "arn:aws:s3:::example-corp/*"]`)},
		{name: "silent: policy document built with a dynamic statement", src: pullingFargate("data.aws_iam_policy_document.s3.json", "", "") + `
data "aws_iam_policy_document" "s3" {
  dynamic "statement" {
    for_each = toset([` + layers + `])
    content {
      actions   = ["s3:GetObject"]
      resources = [statement.value]
      principals {
        type        = "*"
        identifiers = ["*"]
      }
    }
  }
}`},
		{name: "silent: policy document merging another", src: pullingFargate("data.aws_iam_policy_document.s3.json", "", "") + strings.Replace(document(`["arn:aws:s3:::example-corp/*"]`), "statement {", "source_policy_documents = [var.base]\n  statement {", 1)},
		{name: "silent: a statement with a condition", src: pullingFargate(`jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:*", Resource = "arn:aws:s3:::example-corp/*", Condition = { StringEquals = { "aws:PrincipalAccount" = "123456789012" } } }, { Effect = "Allow", Principal = "*", Action = "s3:*", Resource = "*", Condition = { StringEquals = { "aws:PrincipalAccount" = "123456789012" } } }] })`, "", "")},
		{name: "silent: a resource that is not known", src: pullingFargate(allowJSON(`"s3:*"`, `[var.bucket]`), "", "")},
		{name: "silent: named principals", src: pullingFargate("", `jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:role/exec" }, Action = "ecr:*", Resource = "*" }] })`, "")},
		{name: "silent: the S3 endpoint is on another route table", src: strings.Replace(pullingFargate(allowJSON(`"s3:*"`, `"arn:aws:s3:::example-corp/*"`), "", ""), "[aws_vpc.main.main_route_table_id]", "[aws_route_table.other.id]", 1) + `
resource "aws_route_table" "other" {
  vpc_id = aws_vpc.main.id
}`},
		{name: "silent: the image is in another region's registry", src: strings.Replace(pullingFargate(allowJSON(`"s3:*"`, `"arn:aws:s3:::example-corp/*"`), allowJSON(`"s3:*"`, `"*"`), ""), "dkr.ecr.eu-west-1", "dkr.ecr.us-east-1", 1)},
		{name: "silent: no task pulls from ECR", src: strings.Replace(pullingFargate(allowJSON(`"s3:*"`, `"arn:aws:s3:::example-corp/*"`), allowJSON(`"s3:*"`, `"*"`), ""), "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:1", "nginx", 1)},
	})
}
