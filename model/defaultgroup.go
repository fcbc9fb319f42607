package model

import (
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"
)

// An aws_default_security_group adopts a VPC's default security group: Terraform removes
// every rule the group had and creates only those the configuration writes (inline, or
// rule resources that name the group). Its rules are therefore read like those of any
// aws_security_group (SecurityGroupRules), and a task that names no security group gets
// that group's rules.

// TaskGroups returns the security groups of the tasks of a network_configuration block:
// security_groups when it lists any; when it is absent or empty, AWS gives the tasks the
// default security group of their VPC, which is returned when the configuration adopts it
// with aws_default_security_group and the subnets are known to be in that VPC. Otherwise
// the groups are not complete.
func (m *Model) TaskGroups(nc *hclext.Block) InterfaceGroups {
	attrs := nc.Body.Attributes
	if groups := attrs["security_groups"]; groups != nil && m.Config.Set(groups) {
		if list, ok := m.Config.Strings(groups); !ok || len(list) > 0 {
			return m.GroupsOf(groups)
		}
	}
	if dsg := m.adoptedDefaultGroup(attrs["subnets"]); dsg != nil {
		return InterfaceGroups{Groups: []*config.Resource{dsg}, Complete: true}
	}
	return InterfaceGroups{}
}

// adoptedDefaultGroup returns the one aws_default_security_group of the VPC all the
// subnets are known to be in, or nil.
func (m *Model) adoptedDefaultGroup(subnets *hclext.Attribute) *config.Resource {
	if m.Config.MayHaveUnknown(TypeDefaultSecurityGroup) {
		return nil
	}
	refs, _ := m.Config.ResolveEach(subnets, TypeSubnet)
	vpcs, ok := m.VPCsOf(refs)
	if !ok || len(vpcs) == 0 {
		return nil
	}
	for _, v := range vpcs[1:] {
		if v != vpcs[0] {
			return nil
		}
	}
	var found *config.Resource
	for _, dsg := range m.Config.OfType(TypeDefaultSecurityGroup) {
		key, known := m.VPCKey(dsg.Attr("vpc_id"))
		if !known {
			return nil
		}
		if key != vpcs[0] {
			continue
		}
		if found != nil {
			return nil // two resources adopting one group: leave it to Terraform
		}
		found = dsg
	}
	return found
}
