# The shop's ECS services in Terraform, before hardening: every finding is deliberate.

variable "image_tag" {
  type = string
}

module "web" {
  source       = "./modules/ecs-task"
  name         = "shop-web"
  image        = "nginx:${var.image_tag}"
  user         = "root"
  network_mode = "bridge"
  environment = {
    LOG_LEVEL   = "debug"
    DB_PASSWORD = "correct-horse-battery-staple"
  }
}

module "api" {
  source             = "./modules/ecs-task"
  name               = "shop-api"
  image              = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop/api:1.8.0"
  efs_file_system_id = "fs-0123456789abcdef0"
  secrets = {
    DB_PASSWORD = "https://vault.example.com/db-password"
  }
}

resource "aws_ecs_task_definition" "agent" {
  family       = "monitoring-agent"
  network_mode = "host"
  pid_mode     = "host"
  ipc_mode     = "host"

  container_definitions = <<-EOF
    [
      {
        "name": "agent",
        "image": "docker.io/example/agent:latest",
        "privileged": true,
        "readonlyRootFilesystem": false,
        "linuxParameters": {
          "capabilities": { "add": ["SYS_ADMIN"] }
        },
        "environment": [
          { "name": "AWS_SECRET_ACCESS_KEY", "value": "Kru7K5YaWMmjOzpnWhtgNwd/AWPRZ5ZN4a5Pf9Uf" }
        ],
        "logConfiguration": { "logDriver": "splunk" },
        "mountPoints": [
          { "sourceVolume": "docker-socket", "containerPath": "/var/run/docker.sock" }
        ]
      },
      {
        "name": "collector",
        "image": "docker.io/example/collector:2.1",
        "dockerSecurityOptions": ["seccomp:unconfined", "apparmor:unconfined"],
        "mountPoints": [
          { "sourceVolume": "host-proc", "containerPath": "/host/proc", "readOnly": true }
        ]
      }
    ]
  EOF

  volume {
    name      = "docker-socket"
    host_path = "/var/run/docker.sock"
  }

  volume {
    name      = "host-proc"
    host_path = "/proc"
  }
}

# A Fargate task size that Fargate does not offer (256 CPU units allow at most 2048 MiB).
resource "aws_ecs_task_definition" "report" {
  family                   = "shop-report"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "4096"
  container_definitions = jsonencode([
    { name = "report", image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop/report:2.1.0", essential = true }
  ])
}

# The deploy pipeline's provider with an access key pasted in (AWS's documented example key pair).
provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}

# The shop's VPC; its default security group keeps EC2's default rules.
resource "aws_vpc" "shop" {
  cidr_block = "10.20.0.0/16"
}

# The orders database, with its master password in the code.
resource "aws_db_instance" "orders" {
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  storage_encrypted = true
  username          = "orders"
  password          = "Autumn-Harbour-42"
}

# IAM's default password policy, written out: 8 characters of any kind.
resource "aws_iam_account_password_policy" "default" {
  minimum_password_length = 8
}
