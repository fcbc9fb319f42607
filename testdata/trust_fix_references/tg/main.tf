variable "target_type" {
  type = string
}

resource "aws_lb_target_group" "this" {
  name        = "api"
  port        = 8080
  protocol    = "HTTP"
  target_type = var.target_type
  vpc_id      = "vpc-12345678"
}

output "arn" {
  value = aws_lb_target_group.this.arn
}
