resource "aws_ecs_cluster" "fargate" {
  name = "fargate"
}

resource "aws_ecs_cluster_capacity_providers" "fargate" {
  cluster_name       = aws_ecs_cluster.fargate.name
  capacity_providers = ["FARGATE"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
  }
}

# A cluster with no default strategy: services without launch_type run on EC2.
resource "aws_ecs_cluster" "plain" {
  name = "plain"
}

resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = jsonencode([{ name = "web", image = "nginx:1.27", portMappings = [{ containerPort = 80 }] }])

  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id     = "fs-12345678"
      transit_encryption = "ENABLED"
    }
  }
}

resource "aws_ecs_task_definition" "ec2_only" {
  family                   = "ec2-only"
  requires_compatibilities = ["EC2"]
  network_mode             = "awsvpc"
  memory                   = 512
  container_definitions    = jsonencode([{ name = "web", image = "nginx:1.27", portMappings = [{ containerPort = 80 }] }])
}

resource "aws_ecs_task_definition" "bridge" {
  family                = "bridge"
  memory                = 512
  container_definitions = jsonencode([{ name = "web", image = "nginx:1.27", portMappings = [{ containerPort = 80 }] }])
}

resource "aws_service_discovery_service" "a_only" {
  name = "web"
  dns_config {
    namespace_id = "ns-12345678"
    dns_records {
      type = "A"
      ttl  = 10
    }
  }
}

resource "aws_lb_target_group" "web" {
  name        = "web"
  port        = 80
  protocol    = "TCP"
  target_type = "ip"
  vpc_id      = aws_vpc.other.id

  health_check {
    interval = 30
  }
}

resource "aws_lb_target_group" "bridge" {
  name     = "bridge"
  port     = 80
  protocol = "HTTP"
  vpc_id   = aws_vpc.main.id

  health_check {
    port = "8080"
  }
}

resource "aws_lb_listener" "nlb" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/main/1"
  port              = 80

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_listener" "alb" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/main/1"
  port              = 80

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.bridge.arn
  }
}

# Runs on Fargate through the cluster's default strategy.
resource "aws_ecs_service" "web" {
  name             = "web"
  cluster          = aws_ecs_cluster.fargate.arn
  task_definition  = aws_ecs_task_definition.web.arn
  platform_version = "1.3.0"
  iam_role         = "arn:aws:iam::123456789012:role/ecs-service"

  network_configuration {
    subnets          = [aws_subnet.a.id, aws_subnet.elsewhere.id]
    security_groups  = [aws_security_group.task.id]
    assign_public_ip = true
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "web"
    container_port   = 8080
  }

  load_balancer {
    elb_name       = "classic"
    container_name = "website"
    container_port = 80
  }

  service_registries {
    registry_arn   = aws_service_discovery_service.a_only.arn
    container_name = "web"
    container_port = 80
  }

  placement_constraints {
    type = "distinctInstance"
  }
}

# Runs on EC2: the cluster has no default capacity provider strategy.
resource "aws_ecs_service" "ec2" {
  name             = "ec2"
  cluster          = aws_ecs_cluster.plain.id
  task_definition  = aws_ecs_task_definition.web.arn
  platform_version = "LATEST"

  network_configuration {
    subnets          = [aws_subnet.a.id, aws_subnet.b.id]
    assign_public_ip = true
  }
}

resource "aws_ecs_service" "strategy" {
  name            = "strategy"
  cluster         = aws_ecs_cluster.fargate.name
  task_definition = aws_ecs_task_definition.ec2_only.arn
  launch_type     = "FARGATE"

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }

  capacity_provider_strategy {
    capacity_provider = "asg"
    weight            = 1
  }

  network_configuration {
    subnets         = [aws_subnet.a.id]
    security_groups = [aws_security_group.task.id, aws_security_group.other_vpc.id]
  }
}

resource "aws_ecs_service" "bridge" {
  name            = "bridge"
  cluster         = aws_ecs_cluster.plain.id
  task_definition = aws_ecs_task_definition.bridge.arn

  load_balancer {
    target_group_arn = aws_lb_target_group.bridge.arn
    container_name   = "web"
    container_port   = 80
  }

  service_registries {
    registry_arn = aws_service_discovery_service.a_only.arn
  }

  depends_on = [aws_lb_listener.alb]
}

resource "aws_ecs_capacity_provider" "asg" {
  name = "asg"
  auto_scaling_group_provider {
    auto_scaling_group_arn = "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:1:autoScalingGroupName/asg"
  }
}

# The target group is in another VPC than the subnets.
resource "aws_ecs_service" "moved" {
  name            = "moved"
  cluster         = aws_ecs_cluster.fargate.arn
  task_definition = aws_ecs_task_definition.web.arn

  network_configuration {
    subnets         = [aws_subnet.a.id, aws_subnet.b.id]
    security_groups = [aws_security_group.task.id]
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "web"
    container_port   = 80
  }

  depends_on = [aws_lb_listener.nlb]
}
