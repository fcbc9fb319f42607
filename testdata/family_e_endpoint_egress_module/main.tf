# The same stack with the services written through a module: the egress the caller passes
# (egress_cidrs) decides. Tasks in private subnets behind a NAT gateway, in a VPC with an Interface endpoint for
# CloudWatch Logs with private DNS: the endpoint's name resolves to its interfaces for
# everyone in the VPC, NAT or not, so the tasks' security groups must let HTTPS out to them.
resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_subnet" "endpoints" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.9.0/24"
}

resource "aws_subnet" "public" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.0.0/24"
}

resource "aws_nat_gateway" "nat" {
  subnet_id = aws_subnet.public.id
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.nat.id
  }
}

resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}

resource "aws_security_group" "endpoints" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}

resource "aws_vpc_endpoint" "logs" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.logs"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.endpoints.id]
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([{
    name      = "app"
    image     = "nginx:1.27"
    essential = true
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = "/ecs/app"
        "awslogs-region"        = "eu-west-1"
        "awslogs-stream-prefix" = "app"
      }
    }
  }])
}

module "narrow" {
  source          = "./svc"
  name            = "narrow"
  vpc_id          = aws_vpc.main.id
  subnet_id       = aws_subnet.private.id
  task_definition = aws_ecs_task_definition.app.arn
  egress_cidrs    = ["10.0.1.0/24"] # flagged: the endpoint's subnet is not among them
}

module "vpc_wide" {
  source          = "./svc"
  name            = "vpc-wide"
  vpc_id          = aws_vpc.main.id
  subnet_id       = aws_subnet.private.id
  task_definition = aws_ecs_task_definition.app.arn
  egress_cidrs    = ["10.0.0.0/16"]
}
