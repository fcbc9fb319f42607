# A service that follows the task definition family's newest revision, as a community
# service module of an older major writes it. Which revision runs is decided outside this
# configuration (the data source reads the family's latest), so what depends on the task
# definition's containers stays silent; on Fargate the tasks use awsvpc whatever the
# revision, so the target group's type is still checked.
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
    container_port   = 80 # silent: the revision that runs may map it
  }
  depends_on = [module.alb]
}
