# A load balancer module: target groups and the listener that forwards to them.
variable "vpc_id" {
  type = string
}

resource "aws_lb" "this" {
  name    = "web"
  subnets = ["subnet-1", "subnet-2"]
}

resource "aws_lb_target_group" "this" {
  for_each    = toset(["blue", "green"])
  name        = each.key
  port        = 80
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this["blue"].arn
  }
}

resource "aws_lb_listener_rule" "green" {
  listener_arn = aws_lb_listener.http.arn
  condition {
    path_pattern {
      values = ["/green/*"]
    }
  }
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this["green"].arn
  }
}

output "blue_arn" {
  value = aws_lb_target_group.this["blue"].arn
}

output "green_arn" {
  value = aws_lb_target_group.this["green"].arn
}

output "listener_arn" {
  value = aws_lb_listener.http.arn
}
