# Service rules through a called local module: findings land on the caller's arguments.
module "web" {
  source      = "./modules/service"
  launch_type = "EC2"
  public_ip   = true
  target_type = "instance"
}

# Silent: the same module with valid arguments.
module "ok" {
  source      = "./modules/service"
  launch_type = "FARGATE"
  public_ip   = true
  target_type = "ip"
}
