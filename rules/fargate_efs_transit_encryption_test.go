package rules

import "testing"

func TestEFSTransitEncryption(t *testing.T) {
	volume := func(inner string) string {
		return fargateTask(`  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id = "fs-1"
` + inner + `
    }
  }`)
	}
	testRule(t, NewEFSTransitEncryptionRule(), []ruleCase{
		{name: "IAM without transit encryption", src: volume(`      authorization_config {
        iam = "ENABLED"
      }`),
			want: []string{`9:5: EFS volume "data" uses IAM authorization, which requires transit encryption, but transit_encryption is not set`}},
		{name: "access point with encryption disabled", src: volume(`      transit_encryption = "DISABLED"
      authorization_config {
        access_point_id = "fsap-1"
      }`),
			want: []string{`11:28: EFS volume "data" mounts through an access point, which requires transit encryption: set transit_encryption = "ENABLED"`}},
		{name: "silent when enabled", src: volume(`      transit_encryption = "ENABLED"
      authorization_config {
        iam = "ENABLED"
      }`)},
		{name: "silent without IAM or access point", src: volume(``)},
		{name: "silent when IAM is unknown", src: volume(`      authorization_config {
        iam = var.iam
      }`)},
	})
}
