# The root declares a variable, a local and resources with the same names as the called
# module's, and different values: each module's expressions must be read in its own scope.
variable "mode" {
  type    = string
  default = "bridge"
}

locals {
  groups = [aws_security_group.task.id]
}

resource "aws_security_group" "task" {
  vpc_id = "vpc-1"
  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_route_table" "private" {
  vpc_id = "vpc-1"
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = "nat-1"
  }
}

module "svc" {
  source = "./svc"
  mode   = "awsvpc"
}
