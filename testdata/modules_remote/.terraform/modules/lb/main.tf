variable "target_groups" {
  type = map(object({
    port        = number
    target_type = optional(string, "ip")
  }))
}

resource "aws_lb_target_group" "this" {
  for_each    = var.target_groups
  name        = each.key
  port        = each.value.port
  protocol    = "HTTP"
  target_type = each.value.target_type
  vpc_id      = "vpc-12345678"
}

resource "aws_lb_listener_rule" "this" {
  for_each     = var.target_groups
  listener_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/main/1/2"
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this[each.key].arn
  }
}

output "target_groups" {
  value = aws_lb_target_group.this
}
