# Containers read from files: findings land on the attribute that loads them.
resource "aws_ecs_task_definition" "from_file" {
  family                   = "from-file"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = file("${path.module}/containers.json")
}

resource "aws_ecs_task_definition" "from_template" {
  family                   = "from-template"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 1024
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = templatefile("${path.module}/containers.json.tpl", {
    image     = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:2"
    host_port = 8443
  })
}

# Silent: the file does not exist, so nothing is known.
resource "aws_ecs_task_definition" "missing_file" {
  family                   = "missing"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = file("${path.module}/no-such-file.json")
}
