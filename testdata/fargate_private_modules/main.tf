# A private Fargate service and its VPC endpoints, both written through local modules.
# Two planted mistakes, reported in the modules where the values are used: the S3
# endpoint policy the root hands the endpoints module only allows the company's bucket,
# not ECR's layer bucket; and the service enables ECS Exec with no ssmmessages endpoint.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_vpc" "main" {
  cidr_block           = "10.3.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
}

resource "aws_subnet" "private" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table_association" "private" {
  count          = 2
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}

resource "aws_security_group" "tasks" {
  name   = "tasks"
  vpc_id = aws_vpc.main.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "endpoints" {
  name   = "endpoints"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    security_groups = [aws_security_group.tasks.id]
  }
}

data "aws_iam_policy_document" "s3" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["arn:aws:s3:::example-corp-artifacts/*"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

module "endpoints" {
  source             = "./modules/endpoints"
  vpc_id             = aws_vpc.main.id
  subnet_ids         = aws_subnet.private[*].id
  route_table_ids    = [aws_route_table.private.id]
  security_group_ids = [aws_security_group.endpoints.id]
  interface_services = ["ecr.api", "ecr.dkr", "logs"]
  s3_policy          = data.aws_iam_policy_document.s3.json
}

module "api" {
  source             = "./modules/service"
  name               = "api"
  image              = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:2.1.0"
  subnet_ids         = aws_subnet.private[*].id
  security_group_ids = [aws_security_group.tasks.id]
  enable_exec        = true
}
