resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  network_mode             = "awsvpc"
  requires_compatibilities = ["EC2"]
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([
    {
      name             = "web"
      image            = "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2"
      essential        = true
      logConfiguration = {
        logDriver = "none"
      }
    }
  ])
}
