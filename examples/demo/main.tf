# A checkout service on Fargate behind an ALB, with mistakes that `terraform validate`
# and `terraform plan` accept and that only fail at deploy time or at run time.

locals {
  name     = "checkout"
  region   = "eu-central-1"
  app_port = 8080
  image    = "111122223333.dkr.ecr.eu-central-1.amazonaws.com/checkout:2.3.1"
}

resource "aws_ecs_cluster" "main" {
  name = "shop"
}

resource "aws_ecs_task_definition" "checkout" {
  family                   = local.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 512 # mistake: Fargate offers 1024-4096 MiB with 0.5 vCPU
  # mistake: no execution_role_arn, yet the image is in private ECR and logs go to awslogs

  container_definitions = jsonencode([
    {
      name      = local.name
      image     = local.image
      essential = true
      portMappings = [
        { containerPort = local.app_port, hostPort = 80 }, # mistake: awsvpc maps ports 1:1
      ]
      links = ["redis"] # mistake: links do not exist in awsvpc mode
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"  = "/ecs/${local.name}"
          "awslogs-region" = local.region
          # mistake: Fargate needs awslogs-stream-prefix
        }
      }
    },
    {
      name      = "redis"
      image     = "public.ecr.aws/docker/library/redis:7"
      essential = false
    },
  ])
}

resource "aws_lb_target_group" "checkout" {
  name     = local.name
  port     = local.app_port
  protocol = "HTTP"
  vpc_id   = "vpc-0a1b2c3d4e5f67890"
  # mistake: target_type defaults to "instance"; awsvpc tasks register by IP
}

resource "aws_ecs_service" "checkout" {
  name            = local.name
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.checkout.arn
  launch_type     = "FARGATE"
  desired_count   = 2
  # mistake: no network_configuration for an awsvpc task

  load_balancer {
    target_group_arn = aws_lb_target_group.checkout.arn
    container_name   = local.name
    container_port   = local.app_port
  }
}

# A batch job that was copied from an EC2 setup.
resource "aws_ecs_task_definition" "report" {
  family                   = "report"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  # mistake: no network_mode, so ECS assumes "bridge"
  container_definitions = <<-EOT
    [
      {
        "name": "report",
        "image": "public.ecr.aws/docker/library/python:3.12",
        "privileged": true
      }
    ]
  EOT
}
