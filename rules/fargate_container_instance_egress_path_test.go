package rules

import (
	"strings"
	"testing"
)

// isolatedEC2 is a VPC whose private subnet has no route out, with a cluster "main" and
// a launch template whose user data joins it; the cases add capacity and endpoints.
const isolatedEC2 = `
resource "aws_vpc" "main" {}
resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}
resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}
resource "aws_ecs_cluster" "main" {
  name = "main"
}
resource "aws_launch_template" "ecs" {
  user_data = base64encode(<<-EOT
    #!/bin/bash
    echo "ECS_CLUSTER=${aws_ecs_cluster.main.name}" >> /etc/ecs/ecs.config
  EOT
  )
}
`

// asg is an Auto Scaling group of the launch template in the private subnet (line 1 of
// what it adds is the blank line).
const asg = `
resource "aws_autoscaling_group" "ecs" {
  vpc_zone_identifier = [aws_subnet.private.id]
  launch_template {
    id = aws_launch_template.ecs.id
  }
}
`

// endpointsFor writes Interface endpoints (and an S3 Gateway endpoint on the private
// route table for "s3") in the VPC.
func endpointsFor(services ...string) string {
	var b strings.Builder
	for _, s := range services {
		name := strings.NewReplacer(".", "_", "-", "_").Replace(s)
		if s == "s3" {
			b.WriteString(`
resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = [aws_route_table.private.id]
}
`)
			continue
		}
		b.WriteString(`
resource "aws_vpc_endpoint" "` + name + `" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.` + s + `"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
`)
	}
	return b.String()
}

// ec2Service is a bridge service of the cluster pulling a private ECR image and logging
// with awslogs.
const ec2Service = `
resource "aws_ecs_task_definition" "app" {
  container_definitions = jsonencode([{
    name  = "app"
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1"
    logConfiguration = { logDriver = "awslogs" }
  }])
}
resource "aws_ecs_service" "app" {
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "EC2"
}
`

func TestContainerInstanceEgressPath(t *testing.T) {
	agent := []string{"ecs", "ecs-agent", "ecs-telemetry"}
	all := append(agent, "ecr.api", "ecr.dkr", "logs", "s3")
	provider := `
resource "aws_ecs_capacity_provider" "ec2" {
  name = "ec2"
  auto_scaling_group_provider {
    auto_scaling_group_arn = aws_autoscaling_group.ecs.arn
  }
}
`
	// A launch template whose user data names no cluster: only a capacity provider
	// makes its group a container instance.
	plainTemplate := strings.Replace(isolatedEC2, `echo "ECS_CLUSTER=${aws_ecs_cluster.main.name}" >> /etc/ecs/ecs.config`, `yum update -y`, 1)
	instance := `
resource "aws_instance" "ecs" {
  subnet_id = aws_subnet.private.id
  user_data = "#!/bin/bash\necho ECS_CLUSTER=main >> /etc/ecs/ecs.config"
}
`
	testRule(t, NewContainerInstanceEgressPathRule(), []ruleCase{
		{name: "Auto Scaling group joining by user data, no endpoint", src: isolatedEC2 + asg,
			want: []string{`26:25: subnet aws_subnet.private of the container instances of Auto Scaling group aws_autoscaling_group.ecs has no route to the internet (no NAT gateway or internet gateway), and the VPC lacks an Interface endpoint for com.amazonaws.<region>.ecs (the ECS agent), an Interface endpoint for com.amazonaws.<region>.ecs-agent (the ECS agent) and an Interface endpoint for com.amazonaws.<region>.ecs-telemetry (the ECS agent): the ECS agent cannot register the instances with the cluster`}},
		{name: "Auto Scaling group of a capacity provider, ecs-telemetry missing", src: plainTemplate + asg + provider + endpointsFor("ecs", "ecs-agent"),
			want: []string{`26:25: the VPC lacks an Interface endpoint for com.amazonaws.<region>.ecs-telemetry (the ECS agent)`}},
		{name: "instance joining by user data", src: isolatedEC2 + instance + endpointsFor("ecs", "ecs-telemetry"),
			want: []string{`26:15: subnet aws_subnet.private of container instance aws_instance.ecs has no route to the internet (no NAT gateway or internet gateway), and the VPC lacks an Interface endpoint for com.amazonaws.<region>.ecs-agent (the ECS agent)`}},
		{name: "tasks pulling from ECR without the ECR endpoints", src: isolatedEC2 + asg + ec2Service + endpointsFor(append(agent, "logs")...),
			want: []string{`26:25: lacks an Interface endpoint for com.amazonaws.<region>.ecr.api (container "app" pulls a private ECR image), an Interface endpoint for com.amazonaws.<region>.ecr.dkr (container "app" pulls a private ECR image) and an S3 Gateway endpoint (com.amazonaws.<region>.s3) for ECR image layers (container "app" pulls a private ECR image): their tasks cannot pull their images (CannotPullContainerError)`}},
		{name: "S3 Gateway endpoint on another route table", src: isolatedEC2 + asg + ec2Service + strings.Replace(endpointsFor(all...), "[aws_route_table.private.id]", "[aws_route_table.other.id]", 1) + `
resource "aws_route_table" "other" {
  vpc_id = aws_vpc.main.id
}`, want: []string{`26:25: the VPC lacks the S3 Gateway endpoint aws_vpc_endpoint.s3 on route table aws_route_table.private`}},
		{name: "tasks pulling from Docker Hub", src: isolatedEC2 + asg + strings.Replace(ec2Service, "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1", "nginx:1", 1) + endpointsFor(all...),
			want: []string{`26:25: container "app" pulls nginx:1, which is outside AWS PrivateLink, and runs on the container instances of Auto Scaling group aws_autoscaling_group.ecs in subnet aws_subnet.private`}},
		{name: "silent: every endpoint", src: isolatedEC2 + asg + ec2Service + endpointsFor(all...)},
		{name: "silent: a NAT gateway route", src: strings.Replace(isolatedEC2, `resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}`, `resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.main.id
  }
}
resource "aws_nat_gateway" "main" {}`, 1) + asg},
		{name: "silent: the group joins no cluster of the configuration", src: strings.Replace(isolatedEC2, "${aws_ecs_cluster.main.name}", "elsewhere", 1) + asg},
		{name: "silent: user data that is not known", src: strings.Replace(isolatedEC2, "${aws_ecs_cluster.main.name}", "${var.cluster}", 1) + asg},
		{name: "silent: the agent goes through an HTTP proxy", src: strings.Replace(isolatedEC2, `    echo "ECS_CLUSTER=${aws_ecs_cluster.main.name}" >> /etc/ecs/ecs.config`, `    echo "ECS_CLUSTER=${aws_ecs_cluster.main.name}" >> /etc/ecs/ecs.config
    echo "HTTP_PROXY=10.0.0.131:3128" >> /etc/ecs/ecs.config`, 1) + asg},
		{name: "silent: a capacity provider's group whose user data is not known", src: strings.Replace(plainTemplate, "yum update -y", "${var.script}", 1) + asg + provider},
		{name: "silent: subnets from a variable", src: isolatedEC2 + strings.Replace(asg, "[aws_subnet.private.id]", "var.subnets", 1)},
		{name: "silent: an endpoint whose service is not known", src: isolatedEC2 + asg + `
resource "aws_vpc_endpoint" "x" {
  vpc_id       = aws_vpc.main.id
  service_name = var.service
}`},
		{name: "silent: IPv6 through an egress-only gateway", src: strings.Replace(strings.Replace(isolatedEC2, `cidr_block = "10.0.1.0/24"`, `cidr_block      = "10.0.1.0/24"
  ipv6_cidr_block = "2001:db8:0:1::/64"`, 1), `resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}`, `resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
  route {
    ipv6_cidr_block        = "::/0"
    egress_only_gateway_id = "eigw-1"
  }
}`, 1) + asg},
	})
}
