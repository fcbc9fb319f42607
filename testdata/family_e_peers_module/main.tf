# Rule family E through a module: each finding surfaces on the caller's argument.

# Silent: every argument valid (32 vCPU with 120 GB, egress to anywhere).
module "ok" {
  source              = "./modules/app"
  name                = "ok"
  cluster             = aws_ecs_cluster.main.id
  subnets             = aws_subnet.private[*].id
  vpc_id              = aws_vpc.main.id
  target_group_vpc_id = aws_vpc.main.id
  cpu                 = 32768
  memory              = 122880
}

module "mistakes" {
  source       = "./modules/app"
  name         = "mistakes"
  cluster      = aws_ecs_cluster.main.id
  subnets      = aws_subnet.private[*].id
  vpc_id       = aws_vpc.main.id
  cpu          = 32768
  memory       = 65536         # flagged: 60, 120 or 244 GB
  essential    = false         # flagged: no essential container
  egress_cidrs = ["10.0.0.0/8"] # flagged (on the module's group): layers come from S3
  # flagged: target_group_vpc_id not passed, so the target group has no vpc_id
  health_check_matcher = "200" # flagged: matcher on a TCP check
}

module "upper" {
  source              = "./modules/app"
  name                = "upper"
  cluster             = aws_ecs_cluster.main.id
  subnets             = aws_subnet.private[*].id
  vpc_id              = aws_vpc.main.id
  target_group_vpc_id = aws_vpc.main.id
  network_mode        = "AWSVPC" # flagged once
}
