[
  {
    "name": "api",
    "image": "${image}",
    "portMappings": [{"containerPort": 443, "hostPort": ${host_port}}]
  }
]
