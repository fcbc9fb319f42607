module "alb" {
  source = "./alb"
  vpc_id = "vpc-1"
}

# Flagged: the target group comes from module.alb, whose listener attaches it, but
# nothing in this service leads to that listener.
resource "aws_ecs_service" "blue" {
  name            = "blue"
  cluster         = "c"
  task_definition = "blue:1"
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = ["sg-1"]
  }
  load_balancer {
    target_group_arn = module.alb.blue_arn
    container_name   = "app"
    container_port   = 80
  }
}

locals {
  listener = module.alb.listener_arn
}

# Silent: a tag refers to the listener through a local and a module output.
resource "aws_ecs_service" "green" {
  name            = "green"
  cluster         = "c"
  task_definition = "green:1"
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = ["sg-1"]
  }
  load_balancer {
    target_group_arn = module.alb.green_arn
    container_name   = "app"
    container_port   = 80
  }
  tags = {
    listener = local.listener
  }
}

# Silent: depends_on names the module that holds the listener.
resource "aws_ecs_service" "blue_ordered" {
  name            = "blue-ordered"
  cluster         = "c"
  task_definition = "blue:1"
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = ["sg-1"]
  }
  load_balancer {
    target_group_arn = module.alb.blue_arn
    container_name   = "app"
    container_port   = 80
  }
  depends_on = [module.alb]
}

# Flagged inside the module: its service does not depend on its own listener rule.
module "api" {
  source       = "./api"
  listener_arn = module.alb.listener_arn
}
