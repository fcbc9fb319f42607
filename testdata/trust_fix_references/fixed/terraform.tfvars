endpoint_type = "Gateway"
