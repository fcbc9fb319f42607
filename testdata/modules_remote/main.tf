# Modules installed by `terraform init` under .terraform/modules: a value written here is
# reported here; a value a remote module decides (its default) is reported on the module
# call that leads there, since the module's files are not the user's.
module "lb" {
  source  = "acme/lb/aws"
  version = "1.0.0"

  target_groups = {
    api = { port = 8080, target_type = "instance" } # flagged here
    web = { port = 80 }
  }
}

module "legacy" { # flagged here: the module leaves target_type at "instance"
  source  = "acme/legacy-lb/aws"
  version = "0.9.0"
  port    = 9000
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx:1.27"
    portMappings = [{ containerPort = 8080 }, { containerPort = 80 }, { containerPort = 9000 }]
  }])
}

resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = ["subnet-12345678"]
    security_groups = ["sg-12345678"]
  }

  load_balancer {
    target_group_arn = module.lb.target_groups["api"].arn
    container_name   = "app"
    container_port   = 8080
  }

  load_balancer {
    target_group_arn = module.lb.target_groups["web"].arn
    container_name   = "app"
    container_port   = 80
  }

  load_balancer {
    target_group_arn = module.legacy.arn
    container_name   = "app"
    container_port   = 9000
  }
}
