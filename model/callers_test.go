package model

import (
	"testing"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"

	"github.com/google/go-cmp/cmp"
)

func TestSecurityGroupPeers(t *testing.T) {
	m := buildModule(t, `
resource "aws_security_group" "tasks" {}
resource "aws_security_group" "blocks" {
  ingress {
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    cidr_blocks     = ["10.0.0.0/16"]
    security_groups = [aws_security_group.tasks.id]
    self            = true
  }
  ingress {
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    prefix_list_ids = ["pl-1"]
    security_groups = [var.group]
  }
}
resource "aws_security_group" "attribute" {
  ingress = [{
    from_port        = 443
    to_port          = 443
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
    prefix_list_ids  = []
    security_groups  = []
    self             = false
    description      = ""
  }]
}
resource "aws_security_group" "standalone" {}
resource "aws_security_group_rule" "legacy" {
  type                     = "ingress"
  security_group_id        = aws_security_group.standalone.id
  from_port                = 443
  to_port                  = 443
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.tasks.id
}
resource "aws_vpc_security_group_ingress_rule" "modern" {
  security_group_id = aws_security_group.standalone.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "10.1.0.0/24"
}
`)
	type peers struct {
		CIDRs, IPv6, Groups []string
		PrefixLists, Known  bool
	}
	got := map[string][]peers{}
	for _, sg := range m.Config.OfType(TypeSecurityGroup) {
		rules, ok := m.SecurityGroupRules(sg, false)
		if !ok {
			t.Fatalf("%s: rules not read", sg.Name)
		}
		for _, r := range rules {
			got[sg.Name] = append(got[sg.Name], peers{CIDRs: r.CIDRs, IPv6: r.IPv6CIDRs, Groups: names(r.Groups), PrefixLists: r.PrefixLists, Known: r.PeersKnown})
		}
	}
	want := map[string][]peers{
		"blocks": {
			{CIDRs: []string{"10.0.0.0/16"}, Groups: []string{"tasks", "blocks"}, Known: true},
			{Groups: []string{}, PrefixLists: true, Known: false},
		},
		"attribute":  {{CIDRs: []string{"0.0.0.0/0"}, IPv6: []string{"::/0"}, Groups: []string{}, Known: true}},
		"standalone": {{Groups: []string{"tasks"}, Known: true}, {CIDRs: []string{"10.1.0.0/24"}, Groups: []string{}, Known: true}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("peers (-want +got):\n%s", diff)
	}
}

func TestAdmitsCaller(t *testing.T) {
	m := buildModule(t, `
resource "aws_subnet" "a" {
  cidr_block = "10.0.1.0/24"
}
resource "aws_subnet" "b" {
  cidr_block = "10.0.2.0/24"
}
resource "aws_security_group" "tasks" {}
resource "aws_security_group" "by_group" {
  ingress {
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    security_groups = [aws_security_group.tasks.id]
  }
}
resource "aws_security_group" "one_subnet" {
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.1.0/24"]
  }
}
resource "aws_security_group" "both_subnets" {
  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/22"]
  }
}
resource "aws_security_group" "prefix_list" {
  ingress {
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    prefix_list_ids = ["pl-1"]
  }
}
`)
	sg := func(name string) []*config.Resource { return m.Config.ByAddress("aws_security_group." + name) }
	caller := &Caller{
		Subnets:         append(slicesOf(m, "aws_subnet.a"), slicesOf(m, "aws_subnet.b")...),
		SubnetsComplete: true, SecurityGroups: sg("tasks"), SecurityGroupsComplete: true,
	}
	got := map[string][2]bool{}
	for _, name := range []string{"by_group", "one_subnet", "both_subnets", "prefix_list"} {
		admits, known := m.AdmitsCaller(sg(name), 443, caller)
		got[name] = [2]bool{admits, known}
	}
	want := map[string][2]bool{
		"by_group":     {true, true},
		"one_subnet":   {false, true},
		"both_subnets": {true, true},
		"prefix_list":  {false, false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("admissions [admits, known] (-want +got):\n%s", diff)
	}
}

func slicesOf(m *Model, address string) []*config.Resource {
	return m.Config.ByAddress(address)
}

func TestECRRepository(t *testing.T) {
	for image, want := range map[string][2]string{
		"123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1":              {"eu-west-1", "arn:aws:ecr:eu-west-1:123456789012:repository/app"},
		"123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app@sha256:ab": {"eu-west-1", "arn:aws:ecr:eu-west-1:123456789012:repository/team/app"},
		"123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/app":           {"us-east-1", "arn:aws:ecr:us-east-1:123456789012:repository/app"},
		"123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:2":          {"cn-north-1", "arn:aws-cn:ecr:cn-north-1:123456789012:repository/app"},
		"public.ecr.aws/nginx/nginx:1":                                    {},
	} {
		region, arn, _ := ECRRepository(image)
		if got := [2]string{region, arn}; got != want {
			t.Errorf("ECRRepository(%q) = %v, want %v", image, got, want)
		}
	}
}
