# A called local module: findings surface on the caller's arguments.
module "api" {
  source       = "./modules/task"
  network_mode = "bridge"
  host_port    = 8080
}

module "worker" {
  source       = "./modules/task"
  network_mode = "awsvpc"
  host_port    = 8080
}

# Silent: valid arguments.
module "ok" {
  source       = "./modules/task"
  network_mode = "awsvpc"
  host_port    = 80
}
