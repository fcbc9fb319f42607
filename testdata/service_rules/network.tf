resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "other" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_subnet" "b" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.2.0/24"
}

resource "aws_subnet" "elsewhere" {
  vpc_id     = aws_vpc.other.id
  cidr_block = "10.1.1.0/24"
}

resource "aws_security_group" "task" {
  name   = "task"
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group" "other_vpc" {
  name   = "other"
  vpc_id = aws_vpc.other.id
}
