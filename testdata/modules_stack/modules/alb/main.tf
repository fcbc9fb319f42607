# Target groups from a map, each forwarded to by a listener rule.
variable "vpc_id" {
  type = string
}

variable "listener_arn" {
  type = string
}

variable "target_groups" {
  type = map(object({
    port        = number
    protocol    = optional(string, "HTTP")
    target_type = optional(string, "ip")
    priority    = number
  }))
}

resource "aws_lb_target_group" "this" {
  for_each = var.target_groups

  name        = each.key
  port        = each.value.port
  protocol    = each.value.protocol
  target_type = each.value.target_type
  vpc_id      = var.vpc_id
}

resource "aws_lb_listener_rule" "this" {
  for_each = var.target_groups

  listener_arn = var.listener_arn
  priority     = each.value.priority

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this[each.key].arn
  }

  condition {
    path_pattern {
      values = ["/${each.key}/*"]
    }
  }
}

output "target_groups" {
  value = aws_lb_target_group.this
}
