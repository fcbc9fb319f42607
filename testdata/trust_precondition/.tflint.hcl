plugin "terraform" {
  enabled = false
}

plugin "fargate" {
  enabled = true
}
