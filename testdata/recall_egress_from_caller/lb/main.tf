# A load balancer module whose egress rules come from a map the linter cannot know: they
# are the load balancer's group's, and say nothing of the tasks' group.
variable "egress_cidrs" {
  type = set(string)
}

resource "aws_security_group" "this" {
  name   = "lb"
  vpc_id = "vpc-12345678"
}

resource "aws_vpc_security_group_egress_rule" "this" {
  for_each          = var.egress_cidrs
  security_group_id = aws_security_group.this.id
  ip_protocol       = "-1"
  cidr_ipv4         = each.value
}
