# Rule family E features through a module: each finding surfaces on the caller's argument.

# Silent: ARM64 on Fargate Spot, platform LATEST, names that match.
module "ok" {
  source            = "./modules/svc"
  name              = "ok"
  cluster           = aws_ecs_cluster.main.id
  subnets           = aws_subnet.private[*].id
  vpc_id            = aws_vpc.main.id
  cpu_architecture  = "ARM64"
  capacity_provider = "FARGATE_SPOT"
}

module "names" {
  source                = "./modules/svc"
  name                  = "names"
  cluster               = aws_ecs_cluster.main.id
  subnets               = aws_subnet.private[*].id
  vpc_id                = aws_vpc.main.id
  port_name             = "http"     # flagged: the port mapping is named "web"
  lattice_port_name     = "grpc"     # flagged: the port mapping is named "web"
  alternate_target_type = "instance" # flagged: the alternate target group must be ip
  volume_name           = "data"     # flagged: the task definition's volume is "scratch"
}

module "arm" {
  source           = "./modules/svc"
  name             = "arm"
  cluster          = aws_ecs_cluster.main.id
  subnets          = aws_subnet.private[*].id
  vpc_id           = aws_vpc.main.id
  cpu_architecture = "ARM64"
  service_connect  = false
  platform_version = "1.3.0" # flagged: ARM64 needs 1.4.0
}

module "windows" {
  source            = "./modules/svc"
  name              = "windows"
  cluster           = aws_ecs_cluster.main.id
  subnets           = aws_subnet.private[*].id
  vpc_id            = aws_vpc.main.id
  os_family         = "WINDOWS_SERVER_2022_CORE"
  cpu               = 512            # flagged: Windows needs 1 vCPU
  capacity_provider = "FARGATE_SPOT" # flagged: Linux only
  # flagged too, on the module's default: Service Connect does not support Windows
}

# Flagged in the module, on production_listener_rule: with alternate_in_production = false the
# production rule forwards to the primary target group only, and there is no test rule.
module "blue_green" {
  source                  = "./modules/svc"
  name                    = "bg"
  cluster                 = aws_ecs_cluster.main.id
  subnets                 = aws_subnet.private[*].id
  vpc_id                  = aws_vpc.main.id
  alternate_in_production = false
}
