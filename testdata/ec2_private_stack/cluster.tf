resource "aws_ecs_cluster" "main" {
  name = "private-ec2"
}

resource "aws_launch_template" "ecs" {
  name_prefix            = "ecs-"
  image_id               = "ami-0123456789abcdef0"
  instance_type          = "m5.large"
  vpc_security_group_ids = [aws_security_group.instances.id]
  user_data              = base64encode(templatefile("${path.module}/user_data.sh", { cluster_name = aws_ecs_cluster.main.name }))

  iam_instance_profile {
    name = "ecsInstanceRole"
  }
}

resource "aws_autoscaling_group" "ecs" {
  name                = "ecs"
  min_size            = 1
  max_size            = 4
  vpc_zone_identifier = aws_subnet.private[*].id

  launch_template {
    id      = aws_launch_template.ecs.id
    version = "$Latest"
  }
}

resource "aws_ecs_capacity_provider" "ec2" {
  name = "ec2"

  auto_scaling_group_provider {
    auto_scaling_group_arn = aws_autoscaling_group.ecs.arn
  }
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = [aws_ecs_capacity_provider.ec2.name]

  default_capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.ec2.name
    weight            = 1
  }
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"

  container_definitions = jsonencode([{
    name         = "app"
    image        = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2"
    memory       = 512
    essential    = true
    portMappings = [{ containerPort = 8080 }]
  }])
}

resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = 2
}
