variable "name" {}
variable "cluster" {}
variable "subnets" {}
variable "vpc_id" {}
variable "port_name" {
  default = "web"
}
variable "lattice_port_name" {
  default = "web"
}
variable "namespace" {
  default = "internal"
}
variable "platform_version" {
  default = "LATEST"
}
variable "os_family" {
  default = "LINUX"
}
variable "cpu_architecture" {
  default = "X86_64"
}
variable "cpu" {
  default = 1024
}
variable "capacity_provider" {
  default = "FARGATE"
}
variable "volume_name" {
  default = "scratch"
}
variable "alternate_in_production" {
  default = true
}
variable "service_connect" {
  default = true
}
variable "alternate_target_type" {
  default = "ip"
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = 2048
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"

  volume {
    name                = "scratch"
    configure_at_launch = true
  }

  runtime_platform {
    operating_system_family = var.os_family
    cpu_architecture        = var.cpu_architecture
  }

  container_definitions = jsonencode([{
    name         = var.name
    image        = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/${var.name}:1"
    portMappings = [{ containerPort = 8080, name = "web" }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = "/ecs/${var.name}"
        "awslogs-region"        = "eu-west-1"
        "awslogs-stream-prefix" = var.name
      }
    }
  }])
}

resource "aws_security_group" "this" {
  name   = var.name
  vpc_id = var.vpc_id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_lb" "this" {
  name    = var.name
  subnets = var.subnets
}

resource "aws_lb_target_group" "blue" {
  name        = "${var.name}-blue"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
}

resource "aws_lb_target_group" "green" {
  name        = "${var.name}-green"
  port        = 8080
  protocol    = "HTTP"
  target_type = var.alternate_target_type
  vpc_id      = var.vpc_id
}

resource "aws_lb_listener" "this" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.blue.arn
  }
}

resource "aws_lb_listener_rule" "production" {
  listener_arn = aws_lb_listener.this.arn
  priority     = 10

  action {
    type = "forward"
    forward {
      target_group {
        arn    = aws_lb_target_group.blue.arn
        weight = 100
      }
      dynamic "target_group" {
        for_each = var.alternate_in_production ? [aws_lb_target_group.green.arn] : []
        content {
          arn    = target_group.value
          weight = 0
        }
      }
    }
  }

  condition {
    path_pattern {
      values = ["/*"]
    }
  }
}

resource "aws_ecs_service" "this" {
  name             = var.name
  cluster          = var.cluster
  task_definition  = aws_ecs_task_definition.this.arn
  platform_version = var.platform_version

  capacity_provider_strategy {
    capacity_provider = var.capacity_provider
    weight            = 1
  }

  network_configuration {
    subnets         = var.subnets
    security_groups = [aws_security_group.this.id]
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.blue.arn
    container_name   = var.name
    container_port   = 8080

    advanced_configuration {
      alternate_target_group_arn = aws_lb_target_group.green.arn
      production_listener_rule   = aws_lb_listener_rule.production.arn
      role_arn                   = "arn:aws:iam::123456789012:role/ecs-infrastructure"
    }
  }

  service_connect_configuration {
    enabled   = var.service_connect
    namespace = var.namespace
    service {
      port_name = var.port_name
    }
  }

  volume_configuration {
    name = var.volume_name
    managed_ebs_volume {
      role_arn   = "arn:aws:iam::123456789012:role/ecs-infrastructure"
      size_in_gb = 50
    }
  }

  vpc_lattice_configurations {
    role_arn         = "arn:aws:iam::123456789012:role/ecs-infrastructure"
    target_group_arn = "arn:aws:vpc-lattice:eu-west-1:123456789012:targetgroup/tg-0123456789abcdef0"
    port_name        = var.lattice_port_name
  }
}
