# tflint --fix never writes a literal over a reference: each of these is reported
# without a fix, and the message says where the value comes from.
variable "mode" {
  type    = string
  default = "bridge"
}

variable "endpoint_type" {
  type = string
}

locals {
  tt = "instance"
}

# A variable's default.
resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = var.mode
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx:1.27"
    essential    = true
    portMappings = [{ containerPort = 80 }, { containerPort = 8080 }]
  }])
}

# A local that two target groups read.
resource "aws_lb_target_group" "web" {
  name        = "web"
  port        = 80
  protocol    = "HTTP"
  target_type = local.tt
  vpc_id      = "vpc-12345678"
}

resource "aws_lb_target_group" "admin" {
  name        = "admin"
  port        = 80
  protocol    = "HTTP"
  target_type = local.tt
  vpc_id      = "vpc-12345678"
}

# A module argument.
module "api_tg" {
  source      = "./tg"
  target_type = "instance"
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1"
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = "default"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-12345678"]
    security_groups = ["sg-12345678"]
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "app"
    container_port   = 80
  }
  load_balancer {
    target_group_arn = module.api_tg.arn
    container_name   = "app"
    container_port   = 8080
  }
  depends_on = [aws_lb_listener.http]
}

# A tfvars value.
resource "aws_vpc_endpoint" "ecr" {
  vpc_id              = "vpc-12345678"
  service_name        = "com.amazonaws.eu-west-1.ecr.dkr"
  vpc_endpoint_type   = var.endpoint_type
  private_dns_enabled = true
  subnet_ids          = ["subnet-12345678"]
  security_group_ids  = ["sg-12345678"]
}
