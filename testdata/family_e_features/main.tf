# Rule family E, features: one mistake per block, each refused by AWS (or breaking the tasks).

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
}

resource "aws_security_group" "tasks" {
  name   = "tasks"
  vpc_id = aws_vpc.main.id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = local.exec_role
  container_definitions = jsonencode([{
    name             = "web"
    image            = local.image
    portMappings     = [{ containerPort = 8080, name = "web" }]
    logConfiguration = local.logs
  }])
}

# Flagged: the blue/green alternate target group has no target_type (instance).
resource "aws_lb_target_group" "blue" {
  name        = "blue"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = aws_vpc.main.id
}

resource "aws_lb_target_group" "green" {
  name     = "green"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = aws_vpc.main.id
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = aws_subnet.public[*].id
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.blue.arn
  }
}

resource "aws_lb_listener_rule" "production" {
  listener_arn = aws_lb_listener.http.arn
  priority     = 10

  action {
    type = "forward"
    forward {
      target_group {
        arn = aws_lb_target_group.blue.arn
      }
      target_group {
        arn = aws_lb_target_group.green.arn
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

# Flagged: Service Connect names a port the task definition calls "web", and no namespace.
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
    enabled = true
    service {
      port_name = "http"
    }
  }
}

# Flagged: VPC Lattice names a missing port.
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
    port_name        = "grpc"
  }
}

# Flagged: ARM64 on platform 1.3.0.
resource "aws_ecs_task_definition" "arm" {
  family                   = "arm"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = local.exec_role
  container_definitions    = jsonencode([{ name = "arm", image = local.image, logConfiguration = local.logs }])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }
}

resource "aws_ecs_service" "arm" {
  name             = "arm"
  cluster          = aws_ecs_cluster.main.id
  task_definition  = aws_ecs_task_definition.arm.arn
  platform_version = "1.3.0"

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }

  network_configuration {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.tasks.id]
  }
}

# Flagged: Windows below 1 vCPU, with ephemeral storage and FireLens, on Fargate Spot.
resource "aws_ecs_task_definition" "windows" {
  family                   = "windows"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = local.exec_role
  task_role_arn            = "arn:aws:iam::123456789012:role/windows"

  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2022_CORE"
  }

  ephemeral_storage {
    size_in_gib = 50
  }

  container_definitions = jsonencode([{
    name             = "iis"
    image            = "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022"
    logConfiguration = { logDriver = "awsfirelens", options = { Name = "cloudwatch" } }
  }])
}

resource "aws_ecs_service" "windows" {
  name            = "windows"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.windows.arn

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }

  network_configuration {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.tasks.id]
  }
}

# Flagged: the service configures an EBS volume the task definition does not declare.
resource "aws_ecs_task_definition" "worker" {
  family                   = "worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = local.exec_role
  container_definitions    = jsonencode([{ name = "worker", image = local.image, logConfiguration = local.logs }])

  volume {
    name                = "scratch"
    configure_at_launch = true
  }
}

resource "aws_ecs_service" "worker" {
  name            = "worker"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.worker.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.tasks.id]
  }

  volume_configuration {
    name = "data"
    managed_ebs_volume {
      role_arn   = local.infra
      size_in_gb = 100
    }
  }
}

# Flagged: a second blue/green service whose production rule forwards to its primary target
# group only, with no test rule.
resource "aws_lb_target_group" "blue2" {
  name        = "blue2"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = aws_vpc.main.id
}

resource "aws_lb_target_group" "green2" {
  name        = "green2"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = aws_vpc.main.id
}

resource "aws_lb_listener_rule" "production2" {
  listener_arn = aws_lb_listener.http.arn
  priority     = 20

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.blue2.arn
  }

  condition {
    path_pattern {
      values = ["/two/*"]
    }
  }
}

resource "aws_ecs_service" "blue_green2" {
  name            = "blue-green2"
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
    target_group_arn = aws_lb_target_group.blue2.arn
    container_name   = "web"
    container_port   = 8080

    advanced_configuration {
      alternate_target_group_arn = aws_lb_target_group.green2.arn
      production_listener_rule   = aws_lb_listener_rule.production2.arn
      role_arn                   = local.infra
    }
  }
}
