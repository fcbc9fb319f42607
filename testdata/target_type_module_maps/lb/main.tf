# Target groups, and listener rules that forward to them by key with weights.
variable "groups" {
  type = map(object({
    port        = number
    target_type = optional(string)
  }))
}

variable "rules" {
  type = map(object({
    priority = number
    path     = string
    weights  = map(number)
  }))
}

resource "aws_lb_target_group" "this" {
  for_each    = var.groups
  name        = each.key
  port        = each.value.port
  protocol    = "HTTP"
  target_type = try(each.value.target_type, null)
  vpc_id      = "vpc-12345678"
}

resource "aws_lb_listener_rule" "this" {
  for_each     = var.rules
  listener_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/main/1/1"
  priority     = each.value.priority

  action {
    type = "forward"
    forward {
      dynamic "target_group" {
        for_each = each.value.weights
        content {
          arn    = aws_lb_target_group.this[target_group.key].arn
          weight = target_group.value
        }
      }
    }
  }

  condition {
    path_pattern {
      values = [each.value.path]
    }
  }
}

output "groups" {
  value = aws_lb_target_group.this
}

output "rules" {
  value = aws_lb_listener_rule.this
}
