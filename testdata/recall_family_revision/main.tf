# A service that follows the task definition family's newest revision, as a community
# service module of an older major writes it. The data source reads the newest revision of
# the family the resource registers: each time Terraform registers one, it is the newest,
# so the service is created or changed with the resource's containers and they are checked.
# A family named by something else (a variable, a literal) is another matter: silent.
module "alb" {
  source = "./alb"
  target_groups = {
    app = { port = 80, target_type = "instance" } # flagged
  }
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx:1.27"
    essential    = true
    portMappings = [{ containerPort = 8080 }]
  }])
}

data "aws_ecs_task_definition" "app" {
  task_definition = aws_ecs_task_definition.app.family
}

resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = "default"
  task_definition = "${aws_ecs_task_definition.app.family}:${max(aws_ecs_task_definition.app.revision, data.aws_ecs_task_definition.app.revision)}"
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-12345678"]
    security_groups = ["sg-12345678"]
  }
  load_balancer {
    target_group_arn = module.alb.target_groups["app"].arn
    container_name   = "app"
    container_port   = 80 # flagged: the revision Terraform registers maps 8080
  }
  depends_on = [module.alb]
}

variable "family" {
  type = string
}

data "aws_ecs_task_definition" "other" {
  task_definition = var.family
}

resource "aws_ecs_service" "other" {
  name            = "other"
  cluster         = "default"
  task_definition = "${aws_ecs_task_definition.app.family}:${max(aws_ecs_task_definition.app.revision, data.aws_ecs_task_definition.other.revision)}"
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-12345678"]
    security_groups = ["sg-12345678"]
  }
  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/other/0123456789abcdef"
    container_name   = "app"
    container_port   = 80 # silent: the family read is not known to be the resource's
  }
}
