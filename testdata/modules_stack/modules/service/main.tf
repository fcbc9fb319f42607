# A Fargate service whose containers come from a map of objects, each built by the
# container module.
variable "name" {
  type = string
}

variable "containers" {
  type = map(object({
    image = string
    port_mappings = optional(list(object({
      containerPort = number
      hostPort      = optional(number)
    })), [])
    links = optional(list(string))
  }))
}

variable "load_balancer" {
  type = object({
    target_group_arn = string
    container_name   = string
    container_port   = number
  })
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "region" {
  type = string
}

module "container" {
  source   = "../container"
  for_each = var.containers

  name          = each.key
  image         = each.value.image
  port_mappings = each.value.port_mappings
  links         = each.value.links
  log_group     = "/ecs/${var.name}"
  region        = var.region
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = jsonencode([for k, v in module.container : v.definition])
}

resource "aws_ecs_service" "this" {
  name            = var.name
  cluster         = "main"
  task_definition = aws_ecs_task_definition.this.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = var.subnet_ids
    security_groups = var.security_group_ids
  }

  load_balancer {
    target_group_arn = var.load_balancer.target_group_arn
    container_name   = var.load_balancer.container_name
    container_port   = var.load_balancer.container_port
  }
}
