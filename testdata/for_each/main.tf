# for_each instances: each.value feeds the containers; one finding per place.
locals {
  services = {
    api    = { port = 8080, host_port = 8080 }
    worker = { port = 9000, host_port = 9001 }
  }
}

resource "aws_ecs_task_definition" "svc" {
  for_each                 = local.services
  family                   = each.key
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name         = each.key
    image        = "nginx:1.27"
    portMappings = [{ containerPort = each.value.port, hostPort = each.value.host_port }]
  }])
}

resource "aws_ecs_task_definition" "bridge" {
  count                    = 2
  family                   = "bridge-${count.index}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "bridge"
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}
