resource "aws_iam_role" "shared" {
  name               = "${var.name}-shared"
  assume_role_policy = file("${path.module}/assume-role.json")
}

locals {
  container = {
    name      = var.name
    image     = var.image
    essential = true
    user      = var.user
    portMappings = [
      { containerPort = 8080, protocol = "tcp" },
      { containerPort = 22, protocol = "tcp" },
    ]
    environment = [for k, v in var.environment : { name = k, value = v }]
    secrets     = [for k, v in var.secrets : { name = k, valueFrom = v }]
  }
}

resource "aws_ecs_task_definition" "this" {
  family                = var.name
  network_mode          = var.network_mode
  task_role_arn         = aws_iam_role.shared.arn
  execution_role_arn    = aws_iam_role.shared.arn
  container_definitions = jsonencode([local.container])

  dynamic "volume" {
    for_each = var.efs_file_system_id == null ? [] : [var.efs_file_system_id]
    content {
      name = "data"
      efs_volume_configuration {
        file_system_id = volume.value
      }
    }
  }
}
