# Security groups of one network interface are a union: AWS allows traffic when any
# rule of any group allows it.

resource "aws_security_group" "in" {
  vpc_id = "vpc-1"
  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_security_group" "out" {
  vpc_id = "vpc-1"
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Silent: "in" has no egress, but "out" lets the tasks out.
resource "aws_ecs_service" "split" {
  name            = "split"
  cluster         = "c"
  task_definition = "t"
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = [aws_security_group.in.id, aws_security_group.out.id]
  }
}

variable "shared_sg" {
  type = string
}

# Silent: the other group of the list is not known, and may allow egress.
resource "aws_ecs_service" "unknown" {
  name            = "unknown"
  cluster         = "c"
  task_definition = "t"
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = [aws_security_group.in.id, var.shared_sg]
  }
}

resource "aws_security_group" "closed" {
  vpc_id = "vpc-1"
}

# Flagged once, on the group, naming both services that use it.
resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = "c"
  task_definition = "t"
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = [aws_security_group.closed.id]
  }
}

resource "aws_ecs_service" "worker" {
  name            = "worker"
  cluster         = "c"
  task_definition = "t"
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = [aws_security_group.closed.id]
  }
}

# Flagged once: neither group lets the tasks out.
resource "aws_ecs_service" "both_closed" {
  name            = "both-closed"
  cluster         = "c"
  task_definition = "t"
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = ["subnet-1"]
    security_groups = [aws_security_group.in.id, aws_security_group.closed.id]
  }
}
