# Services, target groups and endpoints written through modules, as most configurations
# are. Each planted mistake is a literal in this file, and each is reported here, once;
# the entries beside them use the same modules correctly and stay silent.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
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

resource "aws_lb_listener" "main" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/main/1"
  port              = 443

  default_action {
    type = "fixed-response"
  }
}

module "alb" {
  source       = "./modules/alb"
  vpc_id       = aws_vpc.main.id
  listener_arn = aws_lb_listener.main.arn

  target_groups = {
    api = {
      port        = 8080
      target_type = "instance" # flagged: awsvpc tasks register by IP
      priority    = 10
    }
    web = {
      port     = 80
      priority = 20
    }
  }
}

locals {
  services = {
    api = {
      containers = {
        api = {
          image         = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1"
          port_mappings = [{ containerPort = 8080, hostPort = 9090 }] # flagged: hostPort
          links         = ["cache"]                                     # flagged: links in awsvpc
        }
      }
      container_port = 8081 # flagged: no container maps it
    }
    web = {
      containers = {
        web = {
          image         = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1"
          port_mappings = [{ containerPort = 80 }]
        }
      }
      container_port = 80
    }
  }
}

module "services" {
  source   = "./modules/service"
  for_each = local.services

  name       = each.key
  containers = each.value.containers
  load_balancer = {
    target_group_arn = module.alb.target_groups[each.key].arn
    container_name   = each.key
    container_port   = each.value.container_port
  }
  subnet_ids         = ["subnet-12345678"]
  security_group_ids = [aws_security_group.tasks.id]
  region             = "eu-west-1"
}

module "endpoints" {
  source             = "./modules/endpoints"
  vpc_id             = aws_vpc.main.id
  subnet_ids         = ["subnet-12345678"]
  security_group_ids = [aws_security_group.endpoints.id]

  endpoints = {
    ecr_dkr = {
      service      = "ecr.dkr"
      service_type = "Gateway" # flagged: ecr.dkr is Interface only
    }
    logs = {
      service             = "logs"
      private_dns_enabled = false # flagged: private DNS
    }
    ecr_api = {
      service = "ecr.api"
    }
  }
}

resource "aws_security_group" "endpoints" {
  name   = "endpoints"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}
