# aws_efs_file_system (Terraform AWS provider documentation): encrypted, literal or from a variable without a default.
variable "efs_encrypted" {
  type = bool
}

resource "aws_efs_file_system" "encrypted" {
  creation_token = "my-product"
  encrypted      = true
}

resource "aws_efs_file_system" "plain" {
  creation_token = "my-product-plain"
  encrypted      = false
}

resource "aws_efs_file_system" "from_variable" {
  creation_token = "my-product-variable"
  encrypted      = var.efs_encrypted
}
