# An unknown preset is a configuration error that names the valid presets.
resource "aws_ecs_task_definition" "app" {
  family = "app"
}
