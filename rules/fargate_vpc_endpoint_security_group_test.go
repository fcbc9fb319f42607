package rules

import "testing"

func TestVPCEndpointSecurityGroup(t *testing.T) {
	endpoint := func(groups string) string {
		return `
resource "aws_vpc_endpoint" "logs" {
  service_name      = "com.amazonaws.eu-west-1.logs"
  vpc_endpoint_type = "Interface"
` + groups + `
}`
	}
	testRule(t, NewVPCEndpointSecurityGroupRule(), []ruleCase{
		{name: "no security groups", src: endpoint(""),
			want: []string{`2:1: this Interface endpoint has no security_group_ids`}},
		{name: "no HTTPS ingress", src: endpoint("  security_group_ids = [aws_security_group.ep.id]") + `
resource "aws_security_group" "ep" {
  ingress {
    from_port = 80
    to_port   = 80
    protocol  = "tcp"
  }
}`, want: []string{`5:24: none of this endpoint's security groups admits TCP 443`}},
		{name: "silent: HTTPS from a rule resource", src: endpoint("  security_group_ids = [aws_security_group.ep.id]") + `
resource "aws_security_group" "ep" {}
resource "aws_security_group_rule" "https" {
  type              = "ingress"
  security_group_id = aws_security_group.ep.id
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
}`},
		{name: "silent: all traffic", src: endpoint("  security_group_ids = [aws_security_group.ep.id]") + `
resource "aws_security_group" "ep" {}
resource "aws_vpc_security_group_ingress_rule" "all" {
  security_group_id = aws_security_group.ep.id
  ip_protocol       = "-1"
}`},
		{name: "silent: a group from another module", src: endpoint("  security_group_ids = [module.sg.id]")},
	})
}
