# Rule family E, what peers catch: each block holds one mistake AWS (or the provider)
# refuses, next to the valid form that stays silent.

locals {
  logs = {
    logDriver = "awslogs"
    options = {
      "awslogs-group"         = "/ecs/shop"
      "awslogs-region"        = local.region
      "awslogs-stream-prefix" = "shop"
    }
  }
}

# Silent: the 32 vCPU size with 244 GB.
resource "aws_ecs_task_definition" "big" {
  family                   = "big"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 32768
  memory                   = 249856
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = jsonencode([{ name = "app", image = local.image, logConfiguration = local.logs }])
}

# Flagged: 32 vCPU offers 60, 120 or 244 GB only.
resource "aws_ecs_task_definition" "big_odd" {
  family                   = "big-odd"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "32 vCPU"
  memory                   = "64 GB"
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = jsonencode([{ name = "app", image = local.image, logConfiguration = local.logs }])
}

# Flagged: no container is essential.
resource "aws_ecs_task_definition" "no_essential" {
  family                   = "no-essential"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([
    { name = "app", image = local.image, essential = false, logConfiguration = local.logs },
    { name = "sidecar", image = local.image, essential = false, logConfiguration = local.logs },
  ])
}

# Flagged once: the network mode in upper case (no finding about the service's
# network_configuration or the host port).
resource "aws_ecs_task_definition" "upper" {
  family                   = "upper"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "AWSVPC"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([{
    name             = "app"
    image            = local.image
    portMappings     = [{ containerPort = 80, hostPort = 8080 }]
    logConfiguration = local.logs
  }])
}

resource "aws_ecs_service" "upper" {
  name            = "upper"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.upper.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.open.id]
  }
}

# Flagged: an ip target group without vpc_id.
resource "aws_lb_target_group" "no_vpc" {
  name        = "no-vpc"
  port        = 80
  protocol    = "HTTP"
  target_type = "ip"
}

# Flagged: a matcher on a TCP health check.
resource "aws_lb_target_group" "tcp" {
  name        = "tcp"
  port        = 5432
  protocol    = "TCP"
  target_type = "ip"
  vpc_id      = aws_vpc.main.id

  health_check {
    protocol = "TCP"
    matcher  = "200-399"
  }
}

# Silent: a lambda target group needs none of port, protocol and vpc_id.
resource "aws_lb_target_group" "lambda" {
  name        = "fn"
  target_type = "lambda"
}

resource "aws_ecs_task_definition" "shop" {
  family                   = "shop"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = jsonencode([{ name = "shop", image = local.image, logConfiguration = local.logs }])
}

# Flagged: the adopted default group has no egress, and this service names no group.
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
}

resource "aws_ecs_service" "worker" {
  name            = "worker"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.shop.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets = aws_subnet.private[*].id
  }
}

# Flagged: HTTPS egress only inside the VPC, while the image layers come from S3.
resource "aws_security_group" "inside" {
  name   = "inside"
  vpc_id = aws_vpc.main.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.main.cidr_block]
  }
}

resource "aws_ecs_service" "inside" {
  name            = "inside"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.shop.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.inside.id]
  }
}

# Silent: egress to anywhere.
resource "aws_security_group" "open" {
  name   = "open"
  vpc_id = aws_vpc.main.id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_ecs_service" "open" {
  name            = "open"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.shop.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.open.id]
  }
}
