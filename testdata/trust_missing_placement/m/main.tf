variable "name" {
  type    = string
  default = "unrelated"
}
