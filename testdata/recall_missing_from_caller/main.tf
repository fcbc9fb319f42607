# The module's execution role is switched off and none is passed: the setting the task
# definition lacks is the caller's to give, and is reported on the call.
module "no_role" { # flagged
  source      = "./task"
  create_role = false
}

# Silent: the module creates its role.
module "with_role" {
  source = "./task"
}

# Silent: the caller passes a role.
module "given_role" {
  source      = "./task"
  create_role = false
  role_arn    = "arn:aws:iam::123456789012:role/exec"
}
