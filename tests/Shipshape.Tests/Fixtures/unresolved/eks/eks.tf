# aws_eks_cluster (Terraform AWS provider documentation): control-plane log types from a variable without a default,
# every type, or only audit.
variable "log_types" {
  type = list(string)
}

resource "aws_eks_cluster" "from_variable" {
  name                      = "from-variable"
  role_arn                  = "arn:aws:iam::123456789012:role/eks-cluster"
  version                   = "1.31"
  enabled_cluster_log_types = var.log_types

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_eks_cluster" "all_logs" {
  name                      = "all-logs"
  role_arn                  = "arn:aws:iam::123456789012:role/eks-cluster"
  version                   = "1.31"
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_eks_cluster" "audit_only" {
  name                      = "audit-only"
  role_arn                  = "arn:aws:iam::123456789012:role/eks-cluster"
  version                   = "1.31"
  enabled_cluster_log_types = ["audit"]

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}
