package rules

import "testing"

func TestServiceVolumeConfiguration(t *testing.T) {
	task := func(volume string) string {
		return `
resource "aws_ecs_task_definition" "app" {
  family = "app"
` + volume + `
}
`
	}
	service := `resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  volume_configuration {
    name = "data"
    managed_ebs_volume {
      role_arn   = "arn:aws:iam::123456789012:role/ecs-infrastructure"
      size_in_gb = 20
    }
  }
}`
	testRule(t, NewServiceVolumeConfigurationRule(), []ruleCase{
		{name: "no volume of that name", src: task("  volume {\n    name                = \"scratch\"\n    configure_at_launch = true\n  }") + service,
			want: []string{`12:12: volume_configuration names volume "data", but task definition aws_ecs_task_definition.app has no volume of that name`}},
		{name: "the volume is not configured at launch", src: task("  volume {\n    name = \"data\"\n  }") + service,
			want: []string{`11:12: volume_configuration configures volume "data" at launch, but task definition aws_ecs_task_definition.app does not mark that volume configure_at_launch = true`}},
		{name: "silent: the volume is configured at launch", src: task("  volume {\n    name                = \"data\"\n    configure_at_launch = true\n  }") + service},
		{name: "silent: a volume name not known", src: task("  volume {\n    name                = var.volume\n    configure_at_launch = true\n  }") + service},
		{name: "silent: a dynamic volume", src: task("  dynamic \"volume\" {\n    for_each = var.volumes\n    content {\n      name = volume.value\n    }\n  }") + service},
		{name: "silent: task definition not resolved", src: service},
	})
}
