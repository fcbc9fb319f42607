# Valid configurations of the ECS features rule family E looks at: no finding with the all
# preset. Each service runs in the private subnets behind the NAT gateway of network.tf.

locals {
  exec_role = "arn:aws:iam::123456789012:role/exec"
  infra     = "arn:aws:iam::123456789012:role/ecs-infrastructure"
  logs = {
    logDriver = "awslogs"
    options = {
      "awslogs-group"         = "/ecs/shop"
      "awslogs-region"        = local.region
      "awslogs-stream-prefix" = "shop"
    }
  }
  web = [{
    name             = "web"
    image            = local.image
    essential        = true
    portMappings     = [{ containerPort = 8080, name = "http", appProtocol = "http" }]
    logConfiguration = local.logs
  }]
}

resource "aws_security_group" "tasks" {
  name   = "tasks"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.main.cidr_block]
  }

  egress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = local.exec_role
  container_definitions    = jsonencode(local.web)
}

# Native blue/green with two ip target groups and listener rules.
resource "aws_lb" "web" {
  name            = "web"
  subnets         = aws_subnet.public[*].id
  security_groups = [aws_security_group.alb.id]
}

resource "aws_security_group" "alb" {
  name   = "alb"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_lb_target_group" "blue" {
  name        = "blue"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = aws_vpc.main.id
}

resource "aws_lb_target_group" "green" {
  name        = "green"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = aws_vpc.main.id
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "404"
    }
  }
}

resource "aws_lb_listener_rule" "production" {
  listener_arn = aws_lb_listener.http.arn
  priority     = 10

  action {
    type = "forward"
    forward {
      target_group {
        arn    = aws_lb_target_group.blue.arn
        weight = 100
      }
      target_group {
        arn    = aws_lb_target_group.green.arn
        weight = 0
      }
    }
  }

  condition {
    path_pattern {
      values = ["/*"]
    }
  }
}

resource "aws_ecs_service" "blue_green" {
  name            = "blue-green"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "FARGATE"

  deployment_configuration {
    strategy = "BLUE_GREEN"
  }

  network_configuration {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.tasks.id]
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.blue.arn
    container_name   = "web"
    container_port   = 8080

    advanced_configuration {
      alternate_target_group_arn = aws_lb_target_group.green.arn
      production_listener_rule   = aws_lb_listener_rule.production.arn
      role_arn                   = local.infra
    }
  }
}

# Service Connect with a namespace on the service.
resource "aws_service_discovery_http_namespace" "internal" {
  name = "internal"
}

resource "aws_ecs_service" "connect" {
  name            = "connect"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.tasks.id]
  }

  service_connect_configuration {
    enabled   = true
    namespace = aws_service_discovery_http_namespace.internal.arn
    service {
      port_name = "http"
      client_alias {
        port = 80
      }
    }
  }
}

# VPC Lattice.
resource "aws_ecs_service" "lattice" {
  name            = "lattice"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.tasks.id]
  }

  vpc_lattice_configurations {
    role_arn         = local.infra
    target_group_arn = "arn:aws:vpc-lattice:eu-west-1:123456789012:targetgroup/tg-0123456789abcdef0"
    port_name        = "http"
  }
}

# FireLens, ARM64 on Fargate Spot, 200 GiB of ephemeral storage, an EBS volume configured at
# launch, 32 vCPU.
resource "aws_ecs_task_definition" "worker" {
  family                   = "worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 32768
  memory                   = 249856
  execution_role_arn       = local.exec_role
  task_role_arn            = "arn:aws:iam::123456789012:role/worker"

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  ephemeral_storage {
    size_in_gib = 200
  }

  volume {
    name                = "scratch"
    configure_at_launch = true
  }

  container_definitions = jsonencode([
    {
      name                  = "router"
      image                 = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"
      essential             = true
      firelensConfiguration = { type = "fluentbit" }
      logConfiguration      = local.logs
    },
    {
      name             = "worker"
      image            = local.image
      essential        = true
      mountPoints      = [{ sourceVolume = "scratch", containerPath = "/scratch" }]
      logConfiguration = { logDriver = "awsfirelens", options = { Name = "cloudwatch", region = local.region } }
    },
  ])
}

resource "aws_ecs_service" "worker" {
  name             = "worker"
  cluster          = aws_ecs_cluster.main.id
  task_definition  = aws_ecs_task_definition.worker.arn
  platform_version = "LATEST"

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }

  network_configuration {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.tasks.id]
  }

  volume_configuration {
    name = "scratch"
    managed_ebs_volume {
      role_arn   = local.infra
      size_in_gb = 100
    }
  }
}

# Windows on Fargate, 1 vCPU.
resource "aws_ecs_task_definition" "windows" {
  family                   = "windows"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = local.exec_role

  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2022_CORE"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([{
    name             = "iis"
    image            = "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022"
    essential        = true
    portMappings     = [{ containerPort = 80 }]
    logConfiguration = local.logs
  }])
}

resource "aws_ecs_service" "windows" {
  name            = "windows"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.windows.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.tasks.id]
  }
}

# Dual-stack: an IPv6 subnet and the account setting.
resource "aws_ecs_account_setting_default" "dual_stack" {
  name  = "dualStackIPv6"
  value = "enabled"
}

resource "aws_subnet" "dual" {
  vpc_id                          = aws_vpc.main.id
  cidr_block                      = "10.0.50.0/24"
  ipv6_cidr_block                 = cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 1)
  assign_ipv6_address_on_creation = true
}

resource "aws_route_table_association" "dual" {
  subnet_id      = aws_subnet.dual.id
  route_table_id = aws_route_table.private.id
}

resource "aws_ecs_service" "dual" {
  name            = "dual"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = [aws_subnet.dual.id]
    security_groups = [aws_security_group.tasks.id]
  }
}

# ECS Managed Instances: awsvpc, not Fargate.
resource "aws_ecs_task_definition" "managed" {
  family                   = "managed"
  requires_compatibilities = ["MANAGED_INSTANCES"]
  network_mode             = "awsvpc"
  cpu                      = 2048
  memory                   = 4096
  execution_role_arn       = local.exec_role
  container_definitions    = jsonencode(local.web)
}

resource "aws_ecs_capacity_provider" "managed" {
  name    = "managed"
  cluster = aws_ecs_cluster.main.name

  managed_instances_provider {
    infrastructure_role_arn = local.infra
    instance_launch_template {
      ec2_instance_profile_arn = "arn:aws:iam::123456789012:instance-profile/ecs-managed"
      network_configuration {
        subnets         = aws_subnet.private[*].id
        security_groups = [aws_security_group.tasks.id]
      }
    }
  }
}

resource "aws_ecs_service" "managed" {
  name            = "managed"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.managed.arn

  capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.managed.name
    weight            = 1
  }

  network_configuration {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.tasks.id]
  }
}
