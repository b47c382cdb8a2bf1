# aws_iam_account_password_policy (Terraform AWS provider documentation): the minimum length from a variable without a
# default, once with every other setting strong and once without requiring symbols.
variable "minimum_length" {
  type = number
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = var.minimum_length
  require_lowercase_characters   = true
  require_numbers                = true
  require_uppercase_characters   = true
  require_symbols                = true
  allow_users_to_change_password = true
  password_reuse_prevention      = 24
}

resource "aws_iam_account_password_policy" "no_symbols" {
  minimum_password_length        = var.minimum_length
  require_lowercase_characters   = true
  require_numbers                = true
  require_uppercase_characters   = true
  require_symbols                = false
  allow_users_to_change_password = true
  password_reuse_prevention      = 24
}
