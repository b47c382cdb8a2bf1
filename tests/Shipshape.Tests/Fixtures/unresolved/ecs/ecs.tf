# aws_ecs_task_definition (Terraform AWS provider documentation): container_definitions with jsonencode; the image
# pinned to a version tag, without a tag, or from a variable without a default (its log driver too; the others have
# no logConfiguration).
variable "image" {
  type = string
}

variable "log_driver" {
  type = string
}

resource "aws_ecs_task_definition" "pinned" {
  family = "pinned"
  container_definitions = jsonencode([
    {
      name      = "first"
      image     = "public.ecr.aws/nginx/nginx:1.27.0"
      cpu       = 10
      memory    = 512
      essential = true
    }
  ])
}

resource "aws_ecs_task_definition" "untagged" {
  family = "untagged"
  container_definitions = jsonencode([
    {
      name      = "first"
      image     = "service-first"
      cpu       = 10
      memory    = 512
      essential = true
    }
  ])
}

resource "aws_ecs_task_definition" "from_variable" {
  family = "from-variable"
  container_definitions = jsonencode([
    {
      name      = "first"
      image     = var.image
      cpu       = 10
      memory    = 512
      essential = true
      logConfiguration = {
        logDriver = var.log_driver
      }
    }
  ])
}
