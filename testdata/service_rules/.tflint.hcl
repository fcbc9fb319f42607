plugin "terraform" {
  enabled = false
}

plugin "fargate" {
  enabled = true
  preset  = "all"
}

# This case is about services and load balancing; the network path has cases of its own.
rule "fargate_service_egress_path" {
  enabled = false
}

rule "fargate_service_security_group_egress" {
  enabled = false
}
