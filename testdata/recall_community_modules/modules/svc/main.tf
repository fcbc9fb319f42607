variable "load_balancers" {
  type    = list(object({ target_group_arn = string, container_name = string, container_port = number }))
  default = []
}
variable "settings" {
  type = any
}
variable "is_external" {
  type    = bool
  default = false
}
locals {
  container = { for k, v in var.settings : k => v if v != null }
}
resource "aws_ecs_task_definition" "this" {
  family                   = "svc"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = jsonencode([merge({ essential = true }, local.container)])
}
resource "aws_ecs_service" "this" {
  name            = "svc"
  cluster         = "default"
  task_definition = aws_ecs_task_definition.this.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = ["sg-1"]
  }
  dynamic "load_balancer" {
    for_each = { for k, v in var.load_balancers : k => v if !var.is_external }
    content {
      target_group_arn = try(load_balancer.value.target_group_arn, null)
      container_name   = lookup(load_balancer.value, "container_name", "app")
      container_port   = load_balancer.value.container_port
    }
  }
}
