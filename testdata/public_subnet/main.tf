resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}

# Public subnets: the VPC's main route table sends 0.0.0.0/0 to the internet gateway.
resource "aws_subnet" "public" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.0.0/24"
}

resource "aws_route" "internet" {
  route_table_id         = aws_vpc.main.main_route_table_id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.main.id
}

# Private subnet behind a NAT gateway.
resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_nat_gateway" "main" {
  subnet_id = aws_subnet.public.id
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.main.id
  }
}

resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}

# Flagged: no egress at all.
resource "aws_security_group" "no_egress" {
  name   = "no-egress"
  vpc_id = aws_vpc.main.id
}

# Silent: egress from a rule resource.
resource "aws_security_group" "with_rule" {
  name   = "with-rule"
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc_security_group_egress_rule" "https" {
  security_group_id = aws_security_group.with_rule.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "web", image = "nginx:1.27", portMappings = [{ containerPort = 80 }] }])
}

# Flagged: a public subnet, but no public IP.
resource "aws_ecs_service" "public" {
  name            = "public"
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = [aws_subnet.public.id]
    security_groups = [aws_security_group.no_egress.id]
  }
}

# Silent: a public subnet with a public IP.
resource "aws_ecs_service" "public_ip" {
  name            = "public-ip"
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = [aws_subnet.public.id]
    security_groups  = [aws_security_group.with_rule.id]
    assign_public_ip = true
  }
}

# Silent: a private subnet with a NAT route.
resource "aws_ecs_service" "private" {
  name            = "private"
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = [aws_subnet.private.id]
    security_groups = [aws_security_group.with_rule.id]
  }
}
