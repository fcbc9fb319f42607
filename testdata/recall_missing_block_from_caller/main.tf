# A Fargate service whose module leaves out network_configuration because of what the
# caller passes: the finding lands on that argument.
variable "mode" {
  type = string
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([{
    name      = "app"
    image     = "nginx:1.27"
    essential = true
  }])
}

module "bridged" {
  source              = "./service"
  name                = "bridged"
  task_definition_arn = aws_ecs_task_definition.app.arn
  network_mode        = "bridge" # flagged: the module then writes no network_configuration
}

module "default" { # silent: awsvpc by default
  source              = "./service"
  name                = "default"
  task_definition_arn = aws_ecs_task_definition.app.arn
}

module "unknown" { # silent: the mode is not known
  source              = "./service"
  name                = "unknown"
  task_definition_arn = aws_ecs_task_definition.app.arn
  network_mode        = var.mode
}

module "combined" {
  source       = "./combined"
  network_mode = "bridge" # flagged once: the network mode; fixing it writes the block too
}
