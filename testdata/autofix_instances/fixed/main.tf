# hostPort fixes in count and for_each task definitions: one edit, right for every instance.
locals {
  services = {
    web = { port = 80 }
    api = { port = 8000 }
  }
}

resource "aws_ecs_task_definition" "each" {
  for_each                 = local.services
  family                   = each.key
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name         = each.key
    image        = "nginx:1.27"
    portMappings = [{ containerPort = each.value.port, hostPort = each.value.port }]
  }])
}

resource "aws_ecs_task_definition" "counted" {
  count                    = 2
  family                   = "worker-${count.index}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name         = "worker"
    image        = "busybox:1.36"
    portMappings = [{ containerPort = 9000 + count.index, hostPort = 9000 + count.index }]
  }])
}
