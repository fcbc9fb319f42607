# References read as Terraform's plan reads them: an argument another resource sets has its
# value; a computed attribute (id, arn) stays a reference to its resource, also through
# locals and a conditional whose condition is known.
variable "create_task_definition" {
  type    = bool
  default = true
}

variable "task_definition_arn" {
  type    = string
  default = ""
}

resource "aws_ecs_cluster" "main" {
  name = "main"
}

resource "aws_ecs_capacity_provider" "asg" {
  name = "asg"
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = [aws_ecs_capacity_provider.asg.name]

  default_capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.asg.name
    weight            = 1
  }
}

resource "aws_lb_target_group" "api" {
  name        = "api"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-12345678"
}

resource "aws_ecs_task_definition" "api" {
  count                    = var.create_task_definition ? 1 : 0
  family                   = "api"
  requires_compatibilities = ["EC2"]
  network_mode             = "awsvpc"
  container_definitions = jsonencode([{
    name         = "api"
    image        = "nginx:1.27"
    memory       = 256
    portMappings = [{ containerPort = aws_lb_target_group.api.port }]
  }])
}

locals {
  task_definition = var.create_task_definition ? aws_ecs_task_definition.api[0].arn : var.task_definition_arn
}

# Runs on EC2 (the cluster's default strategy names an Auto Scaling provider, by
# reference), so assign_public_ip is flagged; the load balancer's container_port is not
# one the container maps (it maps the target group's port, 8080).
resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = aws_ecs_cluster.main.name
  task_definition = local.task_definition

  network_configuration {
    subnets          = ["subnet-12345678"]
    security_groups  = ["sg-12345678"]
    assign_public_ip = true
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.api.arn
    container_name   = "api"
    container_port   = 80
  }
}
