# The same kind of mistakes written the way most configurations are: through modules. The
# services module builds each container with a nested module, the load balancer module
# makes target groups from a map, and the endpoints module looks service names up with a
# data source. Each finding is reported on the line below that wrote the value.
# (The modules are the end-to-end suite's, in testdata/modules_stack/modules.)

module "lb" {
  source       = "../../testdata/modules_stack/modules/alb"
  vpc_id       = "vpc-0123456789abcdef0"
  listener_arn = "arn:aws:elasticloadbalancing:eu-central-1:111122223333:listener/app/shop/1/2"

  target_groups = {
    cart = {
      port        = 8080
      target_type = "instance" # mistake: awsvpc tasks register by IP address
      priority    = 10
    }
    search = {
      port     = 9200
      priority = 20
    }
  }
}

module "shop_services" {
  source   = "../../testdata/modules_stack/modules/service"
  for_each = {
    cart = {
      containers = {
        cart = {
          image         = "111122223333.dkr.ecr.eu-central-1.amazonaws.com/cart:1.4.0"
          port_mappings = [{ containerPort = 8080, hostPort = 80 }] # mistake: hostPort
        }
      }
      port = 8080
    }
    search = {
      containers = {
        search = {
          image         = "111122223333.dkr.ecr.eu-central-1.amazonaws.com/search:3.0.2"
          port_mappings = [{ containerPort = 9200 }]
        }
      }
      port = 9300 # mistake: the container maps 9200
    }
  }

  name       = each.key
  containers = each.value.containers
  load_balancer = {
    target_group_arn = module.lb.target_groups[each.key].arn
    container_name   = each.key
    container_port   = each.value.port
  }
  subnet_ids         = ["subnet-0123456789abcdef0"]
  security_group_ids = ["sg-0123456789abcdef0"]
  region             = "eu-central-1"
}

module "shop_endpoints" {
  source             = "../../testdata/modules_stack/modules/endpoints"
  vpc_id             = "vpc-0123456789abcdef0"
  subnet_ids         = ["subnet-0123456789abcdef0"]
  security_group_ids = ["sg-0123456789abcdef0"]

  endpoints = {
    ecr_api = { service = "ecr.api" }
    ecr_dkr = { service = "ecr.dkr", private_dns_enabled = false } # mistake: private DNS off
  }
}
