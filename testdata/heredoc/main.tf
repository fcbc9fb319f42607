# A JSON heredoc: findings land on the text inside it.
resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1 vCPU"
  memory                   = "2 GB"
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = <<-EOT
    [
      {
        "name": "web",
        "image": "nginx:1.27",
        "portMappings": [{"containerPort": 80, "hostPort": 8080}],
        "dnsServers": ["10.0.0.2"]
      }
    ]
  EOT
}

resource "aws_ecs_task_definition" "flush" {
  family                   = "flush"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = <<EOT
[
  {
    "name": "api",
    "image": "nginx:1.27",
    "portMappings": [{"containerPort": 3000, "hostPort": 3001}]
  }
]
EOT
}
