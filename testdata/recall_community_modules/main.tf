# Community-style modules as people pin them: a services map passed to an ecs module,
# which builds each container through a container module (jsonencode of the non-null
# settings) and decodes it back for a service module (jsondecode, merge, a dynamic
# load_balancer over a filtered map, try and lookup). The image comes from a data source,
# so it is unknown to the linter; the other settings are still checked, each reported on
# the line that wrote it.
data "aws_ssm_parameter" "image" {
  name = "/app/image"
}

resource "aws_lb_target_group" "api" {
  count       = 2
  name        = "api-${count.index}"
  port        = 80
  protocol    = "HTTP"
  target_type = "instance" # flagged: the service runs on Fargate
  vpc_id      = "vpc-12345678"
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1"
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "forward"
    forward {
      target_group {
        arn = aws_lb_target_group.api[0].arn
      }
      target_group {
        arn = aws_lb_target_group.api[1].arn
      }
    }
  }
}

module "ecs" {
  source = "./modules/ecs"
  services = {
    api = {
      image         = nonsensitive(data.aws_ssm_parameter.image.value)
      privileged    = true                                       # flagged
      port_mappings = [{ containerPort = 80, hostPort = 8080 }] # flagged: hostPort
      load_balancers = [for tg in aws_lb_target_group.api : {
        target_group_arn = tg.arn
        container_name   = "api"
        container_port   = 80
      }]
    }
  }
  depends_on = [aws_lb_listener.http]
}
