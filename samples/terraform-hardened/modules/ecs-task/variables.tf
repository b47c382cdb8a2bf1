variable "name" {
  type        = string
  description = "Family and container name."
}

variable "image" {
  type        = string
  description = "Image reference, pinned by digest."
}

variable "user" {
  type    = string
  default = "10001"
}

variable "network_mode" {
  type    = string
  default = "awsvpc"
}

variable "environment" {
  type    = map(string)
  default = {}
}

variable "secrets" {
  description = "Environment variable name => Secrets Manager or SSM parameter ARN."
  type        = map(string)
  default     = {}
}

variable "efs_file_system_id" {
  type    = string
  default = null
}
