plugin "fargate" {
  enabled = true
}
