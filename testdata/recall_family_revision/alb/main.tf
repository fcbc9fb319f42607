# A load balancer module in the style of a pinned major: target groups from a map, the
# listener forwarding to the first.
variable "target_groups" {
  type = any
}

resource "aws_lb_target_group" "this" {
  for_each    = var.target_groups
  name        = each.key
  port        = each.value.port
  protocol    = "HTTP"
  target_type = try(each.value.target_type, "ip")
  vpc_id      = "vpc-12345678"
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1"
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this["app"].arn
  }
}

output "target_groups" {
  value = aws_lb_target_group.this
}
