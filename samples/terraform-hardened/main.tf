# The shop's ECS services in Terraform, with every Shipshape finding fixed.

variable "release" {
  type        = string
  description = "Image digest of the release to deploy (set in terraform.tfvars)."
}

locals {
  registry = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop"
}

module "web" {
  source = "./modules/ecs-task"
  name   = "shop-web"
  image  = "${local.registry}/web:3.2.0@${var.release}"
  environment = {
    LOG_LEVEL = "info"
  }
}

module "api" {
  source             = "./modules/ecs-task"
  name               = "shop-api"
  image              = "${local.registry}/api:1.8.0@${var.release}"
  efs_file_system_id = aws_efs_file_system.uploads.id
  secrets = {
    DB_PASSWORD = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-password-AbCdEf"
  }
}

resource "aws_efs_file_system" "uploads" {
  encrypted  = true
  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

# The deploy pipeline assumes a role; the provider holds no credentials of its own.
provider "aws" {
  region = "eu-west-1"

  assume_role {
    role_arn = "arn:aws:iam::111122223333:role/shop-deploy"
  }
}

# The shop's VPC; taking over its default security group with no rules removes EC2's default ones.
resource "aws_vpc" "shop" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_default_security_group" "shop" {
  vpc_id = aws_vpc.shop.id
}

# The orders database; RDS keeps its master password in Secrets Manager and rotates it.
resource "aws_db_instance" "orders" {
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  storage_encrypted           = true
  username                    = "orders"
  manage_master_user_password = true
}

# The account's password policy as the CIS AWS Foundations Benchmark asks.
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = 14
  password_reuse_prevention      = 24
  require_lowercase_characters   = true
  require_numbers                = true
  require_uppercase_characters   = true
  require_symbols                = true
  allow_users_to_change_password = true
}
