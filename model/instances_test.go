package model

import (
	"encoding/json"
	"testing"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

	"github.com/google/go-cmp/cmp"

	"github.com/fargate-lint/tflint-ruleset-fargate/iampolicy"
)

// names lists resources by shortName.
func names(rs []*config.Resource) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, shortName(r))
	}
	return out
}

// shortName names a resource in these tests: by its name and instance key in the root
// module, by its address and instance key in a called module.
func shortName(r *config.Resource) string {
	if r.ModulePrefix() == "" {
		return r.Name + r.Key()
	}
	return r.Label()
}

func TestContainerInstances(t *testing.T) {
	m := buildModule(t, `
resource "aws_ecs_cluster" "main" {
  name = "main"
}
resource "aws_ecs_cluster" "other" {
  name = "other"
}
resource "aws_subnet" "a" {}
resource "aws_subnet" "b" {}
resource "aws_security_group" "ecs" {}
resource "aws_launch_template" "plain" {
  vpc_security_group_ids = [aws_security_group.ecs.id]
}
resource "aws_launch_template" "joins" {
  user_data = base64encode(<<-EOT
    #!/bin/bash
    cat <<'EOF' >> /etc/ecs/ecs.config
    ECS_CLUSTER=${aws_ecs_cluster.other.name}
    EOF
  EOT
  )
  network_interfaces {
    device_index    = 0
    subnet_id       = aws_subnet.b.id
    security_groups = [aws_security_group.ecs.id]
  }
}
resource "aws_launch_configuration" "lc" {
  security_groups = [aws_security_group.ecs.id, var.extra]
  user_data       = "ECS_CLUSTER='main'"
}
# A capacity provider's group, associated with main.
resource "aws_autoscaling_group" "provided" {
  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id]
  launch_template {
    id = aws_launch_template.plain.id
  }
}
resource "aws_ecs_capacity_provider" "ec2" {
  name = "ec2"
  auto_scaling_group_provider {
    auto_scaling_group_arn = aws_autoscaling_group.provided.arn
  }
}
resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = ["FARGATE", "ec2"]
}
# Joins other through its mixed instances policy's template.
resource "aws_autoscaling_group" "mixed" {
  vpc_zone_identifier = [aws_subnet.a.id]
  mixed_instances_policy {
    launch_template {
      launch_template_specification {
        launch_template_name = aws_launch_template.joins.name
      }
    }
  }
}
# Joins main through its launch configuration.
resource "aws_autoscaling_group" "configured" {
  vpc_zone_identifier  = var.subnets
  launch_configuration = aws_launch_configuration.lc.name
}
# Not a container instance: no provider, no ECS_CLUSTER.
resource "aws_autoscaling_group" "web" {
  launch_template {
    id = aws_launch_template.plain.id
  }
}
# Joins other through its template; subnet and groups from the template's interface.
resource "aws_instance" "templated" {
  count = 2
  launch_template {
    name = "joins-not-a-name"
  }
}
resource "aws_instance" "direct" {
  subnet_id              = aws_subnet.a.id
  vpc_security_group_ids = [aws_security_group.ecs.id]
  user_data              = "echo ECS_CLUSTER=main >> /etc/ecs/ecs.config"
}
resource "aws_instance" "unknown" {
  user_data = var.user_data
}
`)
	type group struct {
		Template, Clusters, Providers, Subnets, Groups []string
		SubnetsComplete, GroupsComplete                bool
	}
	got := map[string]group{}
	for _, g := range m.ContainerInstances() {
		tmpl := []string{}
		if g.Template != nil {
			tmpl = append(tmpl, shortName(g.Template))
		}
		got[shortName(g.Resource)] = group{Template: tmpl, Clusters: names(g.Clusters), Providers: names(g.Providers),
			Subnets: names(g.Subnets), Groups: names(g.SecurityGroups),
			SubnetsComplete: g.SubnetsComplete, GroupsComplete: g.SecurityGroupsComplete}
	}
	want := map[string]group{
		"provided": {Template: []string{"plain"}, Clusters: []string{"main"}, Providers: []string{"ec2"},
			Subnets: []string{"a", "b"}, Groups: []string{"ecs"}, SubnetsComplete: true, GroupsComplete: true},
		"mixed": {Template: []string{"joins"}, Clusters: []string{"other"}, Providers: []string{},
			Subnets: []string{"a"}, Groups: []string{"ecs"}, SubnetsComplete: true, GroupsComplete: true},
		"configured": {Template: []string{"lc"}, Clusters: []string{"main"}, Providers: []string{},
			Subnets: []string{}, Groups: []string{"ecs"}},
		"direct": {Template: []string{}, Clusters: []string{"main"}, Providers: []string{},
			Subnets: []string{"a"}, Groups: []string{"ecs"}, SubnetsComplete: true, GroupsComplete: true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("container instances (-want +got):\n%s", diff)
	}
}

func TestServiceInstances(t *testing.T) {
	m := buildModule(t, `
resource "aws_ecs_cluster" "main" {
  name = "main"
}
resource "aws_launch_template" "ecs" {
  user_data = base64encode("ECS_CLUSTER=main")
}
resource "aws_autoscaling_group" "blue" {
  launch_template {
    id = aws_launch_template.ecs.id
  }
}
resource "aws_autoscaling_group" "green" {
  launch_template {
    id = aws_launch_template.ecs.id
  }
}
resource "aws_ecs_capacity_provider" "blue" {
  name = "blue"
  auto_scaling_group_provider {
    auto_scaling_group_arn = aws_autoscaling_group.blue.arn
  }
}
resource "aws_ecs_service" "any" {
  cluster     = aws_ecs_cluster.main.arn
  launch_type = "EC2"
}
resource "aws_ecs_service" "blue" {
  cluster = aws_ecs_cluster.main.arn
  capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.blue.name
  }
}
resource "aws_ecs_service" "constrained" {
  cluster     = aws_ecs_cluster.main.arn
  launch_type = "EC2"
  placement_constraints {
    type = "distinctInstance"
  }
}
`)
	got := map[string][]string{}
	for _, svc := range m.Services {
		got[svc.Name] = []string{}
		for _, g := range m.ServiceInstances(svc) {
			got[svc.Name] = append(got[svc.Name], shortName(g.Resource))
		}
	}
	want := map[string][]string{"any": {"blue", "green"}, "blue": {"blue"}, "constrained": {}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("service instances (-want +got):\n%s", diff)
	}
}

func TestPolicyDocument(t *testing.T) {
	m := buildModule(t, `
locals {
  buckets = ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"]
}
data "aws_iam_policy_document" "doc" {
  policy_id = "layers"
  statement {
    sid       = "Layers"
    actions   = ["s3:GetObject"]
    resources = local.buckets
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
  dynamic "statement" {
    for_each = { deny = "s3:PutObject" }
    iterator = s
    content {
      effect      = "Deny"
      not_actions = [s.value]
      resources   = ["*"]
      principals {
        type        = "AWS"
        identifiers = ["arn:aws:iam::123456789012:root"]
      }
      condition {
        test     = "StringEquals"
        variable = "aws:PrincipalAccount"
        values   = ["123456789012"]
      }
    }
  }
}
data "aws_iam_policy_document" "unknown" {
  statement {
    actions   = ["s3:GetObject"]
    resources = [var.bucket]
  }
}
resource "aws_vpc_endpoint" "known" {
  policy = data.aws_iam_policy_document.doc.json
}
resource "aws_vpc_endpoint" "unknown" {
  policy = data.aws_iam_policy_document.unknown.minified_json
}
`)
	text, ok := m.Config.String(m.Endpoints[0].Attr("policy"))
	if !ok {
		t.Fatal("the policy document is not known")
	}
	var got any
	if err := json.Unmarshal([]byte(text), &got); err != nil {
		t.Fatal(err)
	}
	var want any
	_ = json.Unmarshal([]byte(`{"Version": "2012-10-17", "Id": "layers", "Statement": [
		{"Sid": "Layers", "Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"], "Principal": "*"},
		{"Effect": "Deny", "NotAction": "s3:PutObject", "Resource": "*", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
		 "Condition": {"StringEquals": {"aws:PrincipalAccount": "123456789012"}}}]}`), &want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rendered document (-want +got):\n%s", diff)
	}
	if _, ok := m.Config.String(m.Endpoints[1].Attr("policy")); ok {
		t.Error("a document with an unknown resource is known")
	}
	req := iampolicy.Request{Action: "s3:PutObject", Resource: "arn:aws:s3:::c/x"}
	if got := m.EndpointPolicy(m.Endpoints[0]).Decide(req); got != iampolicy.ImplicitDeny {
		t.Errorf("known document decides %v, want ImplicitDeny", got)
	}
	if got := m.EndpointPolicy(m.Endpoints[1]).Decide(req); got != iampolicy.Unknown {
		t.Errorf("unknown document decides %v, want Unknown", got)
	}
}

func TestEndpointPolicySources(t *testing.T) {
	m := buildModule(t, `
resource "aws_vpc_endpoint" "none" {}
resource "aws_vpc_endpoint" "partly_known" {
  policy = jsonencode({ Statement = [
    { Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::a/*" },
    { Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = var.bucket },
  ] })
}
resource "aws_vpc_endpoint" "separate" {}
resource "aws_vpc_endpoint_policy" "separate" {
  vpc_endpoint_id = aws_vpc_endpoint.separate.id
  policy          = <<-EOT
    {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*"}]}
  EOT
}
`)
	req := iampolicy.Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::a/x"}
	got := map[string]string{}
	for _, e := range m.Endpoints {
		got[e.Name] = m.EndpointPolicy(e).Decide(req).String()
	}
	want := map[string]string{"none": "Allowed", "partly_known": "Allowed", "separate": "ExplicitDeny"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("decisions (-want +got):\n%s", diff)
	}
}

func TestMayReachIPv6Internet(t *testing.T) {
	m := buildModule(t, `
resource "aws_vpc" "main" {}
resource "aws_route_table" "ipv6" {
  vpc_id = aws_vpc.main.id
  route {
    ipv6_cidr_block        = "::/0"
    egress_only_gateway_id = "eigw-1"
  }
}
resource "aws_route_table" "ipv4" {
  vpc_id = aws_vpc.main.id
  route {
    ipv6_cidr_block = "2001:db8::/56"
    gateway_id      = "vgw-1"
  }
}
resource "aws_subnet" "ipv6" {
  vpc_id = aws_vpc.main.id
}
resource "aws_subnet" "ipv4" {
  vpc_id = aws_vpc.main.id
}
resource "aws_subnet" "unknown" {
  vpc_id = var.vpc
}
resource "aws_route_table_association" "ipv6" {
  subnet_id      = aws_subnet.ipv6.id
  route_table_id = aws_route_table.ipv6.id
}
resource "aws_route_table_association" "ipv4" {
  subnet_id      = aws_subnet.ipv4.id
  route_table_id = aws_route_table.ipv4.id
}
`)
	got := map[string]bool{}
	for _, s := range m.Config.OfType(TypeSubnet) {
		got[s.Name] = m.MayReachIPv6Internet(s)
	}
	if diff := cmp.Diff(map[string]bool{"ipv6": true, "ipv4": false, "unknown": true}, got); diff != "" {
		t.Errorf("IPv6 egress (-want +got):\n%s", diff)
	}
}
