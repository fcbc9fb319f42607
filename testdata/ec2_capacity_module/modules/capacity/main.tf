variable "cluster_name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "alb_security_group_id" {
  type = string
}

resource "aws_security_group" "instances" {
  name   = "${var.cluster_name}-instances"
  vpc_id = var.vpc_id

  # Only the container port: bridge tasks listen on dynamic host ports.
  ingress {
    from_port       = 8080
    to_port         = 8080
    protocol        = "tcp"
    security_groups = [var.alb_security_group_id]
  }

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_launch_template" "this" {
  name_prefix            = "${var.cluster_name}-"
  image_id               = "ami-0123456789abcdef0"
  instance_type          = "m5.large"
  vpc_security_group_ids = [aws_security_group.instances.id]
  user_data              = base64encode(templatefile("${path.module}/user_data.sh.tftpl", { cluster_name = var.cluster_name }))
}

resource "aws_autoscaling_group" "this" {
  name                = var.cluster_name
  min_size            = 1
  max_size            = 3
  vpc_zone_identifier = var.subnet_ids

  launch_template {
    id      = aws_launch_template.this.id
    version = "$Latest"
  }
}

resource "aws_ecs_capacity_provider" "this" {
  name = "${var.cluster_name}-ec2"

  auto_scaling_group_provider {
    auto_scaling_group_arn = aws_autoscaling_group.this.arn
  }
}

output "capacity_provider_name" {
  value = aws_ecs_capacity_provider.this.name
}

output "security_group_id" {
  value = aws_security_group.instances.id
}
