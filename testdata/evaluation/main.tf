# Terraform's reading of values: functions in count, unknown references that leave the rest
# known, quoted depends_on, and resources whose count or for_each is not known.
variable "listeners" {
  type = map(number)
}

variable "cpu" {
  type    = number
  default = null
}

locals {
  apps = ["web", "api"]
}

# count = length(...): both instances are checked (flagged: hostPort).
resource "aws_ecs_task_definition" "apps" {
  count                    = length(local.apps)
  family                   = local.apps[count.index]
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([{
    name         = local.apps[count.index]
    image        = "nginx:1.27"
    portMappings = [{ containerPort = 80, hostPort = 8080 }]
  }])
}

# One unknown value (a secret's ARN) leaves the rest of the containers known (flagged:
# hostPort).
resource "aws_ecs_task_definition" "with_secret" {
  family                   = "with-secret"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx:1.27"
    secrets      = [{ name = "DB_PASSWORD", valueFrom = aws_secretsmanager_secret_version.db.arn }]
    portMappings = [{ containerPort = 443, hostPort = 8443 }]
  }])
}

# Silent: cpu comes from a variable whose default is null, so the caller decides it.
resource "aws_ecs_task_definition" "caller_decides" {
  family                   = "caller-decides"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = 512
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

# No requires_compatibilities, bridge network mode, run by a FARGATE service (flagged on
# the service) and held to Fargate's rules (flagged: network mode).
resource "aws_ecs_task_definition" "no_compat" {
  family                = "no-compat"
  cpu                   = 256
  memory                = 512
  container_definitions = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_service" "no_compat" {
  name            = "no-compat"
  task_definition = aws_ecs_task_definition.no_compat.arn
  launch_type     = "FARGATE"
}

resource "aws_lb_target_group" "front" {
  name        = "front"
  port        = 80
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-12345678"
}

resource "aws_lb_listener" "front" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/main/1"
  port              = 80

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.front.arn
  }
}

# Silent: the quoted depends_on Terraform still accepts names the listener.
resource "aws_ecs_service" "front" {
  name            = "front"
  task_definition = aws_ecs_task_definition.apps[0].arn
  launch_type     = "FARGATE"
  depends_on      = ["aws_lb_listener.front"]

  network_configuration {
    subnets         = ["subnet-12345678"]
    security_groups = ["sg-12345678"]
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.front.arn
    container_name   = "web"
    container_port   = 80
  }
}

resource "aws_lb_target_group" "back" {
  name        = "back"
  port        = 80
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-12345678"
}

# The listeners come from a variable: they may forward to the target group below.
resource "aws_lb_listener" "dynamic" {
  for_each          = var.listeners
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/main/1"
  port              = each.value

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.back.arn
  }
}

# Silent: no listener the plugin can see forwards to "back", but one whose for_each is
# not known may.
resource "aws_ecs_service" "back" {
  name            = "back"
  task_definition = aws_ecs_task_definition.apps[1].arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = ["subnet-12345678"]
    security_groups = ["sg-12345678"]
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.back.arn
    container_name   = "api"
    container_port   = 80
  }
}
