# EC2 capacity built by a local module: the root passes the cluster's name, the private
# subnets and the load balancer's security group. Three planted mistakes, each reported
# where it is fixed: the VPC lacks the ecs-telemetry endpoint (reported on the module's
# Auto Scaling group subnets), the module's instance security group does not admit the
# bridge service's dynamic host ports (on its launch template), and the ecr.dkr
# endpoint's security group admits HTTPS from a range that holds none of the instances
# (on the endpoint).
provider "aws" {
  region = "eu-west-1"
}

resource "aws_vpc" "main" {
  cidr_block           = "10.2.0.0/16"
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

resource "aws_security_group" "alb" {
  name   = "internal-alb"
  vpc_id = aws_vpc.main.id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = [aws_vpc.main.cidr_block]
  }
}

module "capacity" {
  source                = "./modules/capacity"
  cluster_name          = aws_ecs_cluster.main.name
  vpc_id                = aws_vpc.main.id
  subnet_ids            = aws_subnet.private[*].id
  alb_security_group_id = aws_security_group.alb.id
}

resource "aws_ecs_cluster" "main" {
  name = "internal"
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = [module.capacity.capacity_provider_name]

  default_capacity_provider_strategy {
    capacity_provider = module.capacity.capacity_provider_name
    weight            = 1
  }
}

# The endpoints the ECS agent and the image pulls need, but ecs-telemetry.
resource "aws_security_group" "endpoints" {
  name   = "endpoints"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    security_groups = [module.capacity.security_group_id]
  }
}

resource "aws_security_group" "registry" {
  name   = "registry"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"] # flagged: not the VPC's range
  }
}

resource "aws_vpc_endpoint" "interface" {
  for_each            = toset(["ecs", "ecs-agent", "ecr.api"])
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = aws_subnet.private[*].id
  security_group_ids  = [aws_security_group.endpoints.id]
}

resource "aws_vpc_endpoint" "ecr_dkr" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ecr.dkr"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = aws_subnet.private[*].id
  security_group_ids  = [aws_security_group.registry.id]
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = [aws_route_table.private.id]
}

# A bridge service behind an internal load balancer, on the module's capacity.
resource "aws_lb_target_group" "api" {
  name     = "api"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = aws_vpc.main.id
}

resource "aws_lb_listener" "api" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/internal/1"
  port              = 80

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api.arn
  }
}

resource "aws_ecs_task_definition" "api" {
  family = "api"

  container_definitions = jsonencode([{
    name         = "api"
    image        = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:3"
    memory       = 512
    portMappings = [{ containerPort = 8080, hostPort = 0 }]
  }])
}

resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = aws_ecs_cluster.main.arn
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = 2

  load_balancer {
    target_group_arn = aws_lb_target_group.api.arn
    container_name   = "api"
    container_port   = 8080
  }

  depends_on = [aws_lb_listener.api]
}
