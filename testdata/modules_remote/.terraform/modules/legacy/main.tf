# Leaves target_type to the provider's default, "instance".
variable "port" {
  type = number
}

resource "aws_lb_target_group" "this" {
  name     = "legacy"
  port     = var.port
  protocol = "HTTP"
  vpc_id   = "vpc-12345678"
}

resource "aws_lb_listener_rule" "this" {
  listener_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/main/1/2"
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this.arn
  }
}

output "arn" {
  value = aws_lb_target_group.this.arn
}
