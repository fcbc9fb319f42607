resource "aws_ecs_task_definition" "broken" {
  family                   = "broken"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = <<EOT
[
  {"name": "app", "image": "nginx:1.27",}
]
EOT
}

resource "aws_ecs_task_definition" "object" {
  family                   = "object"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode({ name = "app", image = "nginx:1.27" })
}

resource "aws_ecs_task_definition" "quoted" {
  family                   = "quoted"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = "[{\"name\": \"app\" \"image\": \"nginx\"}]"
}
