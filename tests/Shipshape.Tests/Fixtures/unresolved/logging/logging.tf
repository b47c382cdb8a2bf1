# aws_ecs_task_definition (Terraform AWS provider documentation) with logConfiguration: the awslogs driver, and a
# task definition with a container whose driver comes from a variable without a default beside one with the none
# driver: the known failure decides it.
variable "log_driver" {
  type = string
}

resource "aws_ecs_task_definition" "awslogs" {
  family = "awslogs"
  container_definitions = jsonencode([
    {
      name      = "app"
      image     = "public.ecr.aws/nginx/nginx:1.27.0"
      memory    = 512
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/app"
          "awslogs-region"        = "us-east-1"
          "awslogs-stream-prefix" = "app"
        }
      }
    }
  ])
}

resource "aws_ecs_task_definition" "mixed" {
  family = "mixed"
  container_definitions = jsonencode([
    {
      name             = "web"
      essential        = true
      logConfiguration = { logDriver = var.log_driver }
      image            = "public.ecr.aws/nginx/nginx:1.27.0"
      cpu              = 256
      memory           = 512
    },
    {
      name             = "sidecar"
      essential        = false
      logConfiguration = { logDriver = "none" }
      image            = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"
      memory           = 128
    }
  ])
}
