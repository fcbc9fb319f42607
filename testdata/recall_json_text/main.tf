# Container definitions written as JSON text around interpolations whose values are not
# known (a variable without a value): the known parts are still read.
variable "image" {
  type = string
}

variable "port" {
  type = number
}

# Flagged inside the heredoc: hostPort differs from the containerPort next to it, and
# privileged; the image is unknown.
resource "aws_ecs_task_definition" "heredoc" {
  family                   = "heredoc"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = <<-EOT
    [
      {
        "name": "app",
        "image": "${var.image}",
        "essential": true,
        "privileged": true,
        "portMappings": [{ "containerPort": 8080, "hostPort": 80 }]
      }
    ]
  EOT
}

# Silent: the port is unknown, and may equal the hostPort.
resource "aws_ecs_task_definition" "unknown_port" {
  family                   = "unknown-port"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = <<-EOT
    [{"name": "app", "image": "nginx:1.27", "essential": true,
      "portMappings": [{"containerPort": ${var.port}, "hostPort": 80}]}]
  EOT
}

# Flagged on the call: links, with the image and port unknown.
resource "aws_ecs_task_definition" "template" {
  family                   = "template"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = templatefile("${path.module}/app.json.tftpl", {
    image = var.image
    port  = var.port
  })
}
