// Package monorepo writes a generated repository of many Terraform folders, as platform
// teams keep them: shared local modules called from several folders (environments,
// the modules' own tests and examples), OpenTofu-only folders, nested roots, and the
// folders Terraform itself rejects (an undeclared variable or local value in a module
// call, a missing module folder, file() of a missing file). The standalone test holds the
// standalone linter to tflint over it, and make bench times both over a large one.
package monorepo

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Options say how large a repository to write.
type Options struct {
	// Teams is the number of team folders; each holds a dev and a prod environment
	// calling the shared service module, and a stack of its own.
	Teams int
	// Broken adds the folders Terraform rejects and the OpenTofu-only ones.
	Broken bool
}

// Files returns the repository's files, by slash-separated path.
func Files(o Options) map[string]string {
	files := map[string]string{
		"modules/service/main.tf":                      serviceModule,
		"modules/service/variables.tf":                 serviceVariables,
		"modules/service/tests/basic/main.tf":          call("../..", "awsvpc", "80", ""),
		"modules/service/examples/complete/main.tf":    call("../..", "awsvpc", "8080", "count = 2\n"),
		"modules/service/examples/for-each/main.tf":    forEachCall,
		"modules/task/main.tf":                         taskModule,
		"modules/network/main.tf":                      networkModule,
		"docs/README.md":                               "Not Terraform.\n",
		"stacks/platform/main.tf":                      stack("platform", "bridge"),
		"stacks/platform/nested/main.tf":               stack("platform-nested", "awsvpc"),
		"stacks/platform/nested/deeper/main.tf":        stack("platform-deeper", "host"),
		"stacks/platform/nested/deeper/override.tf":    overrideFile,
		"stacks/json/main.tf.json":                     jsonStack,
		"stacks/with-network/main.tf":                  withNetwork,
		"stacks/ignored/main.tf":                       "# tflint-ignore-file: fargate_task_network_mode\n" + stack("ignored", "bridge"),
		"stacks/local-module/main.tf":                  "module \"task\" {\n  source       = \"./task\"\n  network_mode = local.mode\n}\n\nlocals {\n  mode = \"bridge\"\n}\n",
		"stacks/local-module/task/main.tf":             taskModule,
		"stacks/vars/main.tf":                          varsStack,
		"stacks/vars/terraform.tfvars":                 "mode = \"bridge\"\n",
		"stacks/shared-twice/main.tf":                  call("../../modules/service", "bridge", "80", "") + "\n" + strings.ReplaceAll(call("../../modules/service", "awsvpc", "80", ""), `module "service"`, `module "again"`),
		"stacks/templated/main.tf":                     templated,
		"stacks/templated/policy.json.tftpl":           "{\"Version\": \"2012-10-17\", \"Statement\": []}\n",
		"stacks/remote/main.tf":                        "module \"vpc\" {\n  source  = \"terraform-aws-modules/vpc/aws\"\n  version = \"5.0.0\"\n}\n\n" + stack("remote", "bridge"),
		"stacks/no-source/main.tf":                     "module \"nothing\" {\n  network_mode = var.nope\n}\n\n" + stack("no-source", "bridge"),
		"stacks/resource-undeclared/main.tf":           strings.Replace(stack("resource-undeclared", "bridge"), `family`, "cpu_units = var.nope\n  family", 1),
		"stacks/output-missing-file/main.tf":           stack("output-missing-file", "bridge") + "\noutput \"policy\" {\n  value = file(\"${path.module}/missing.json\")\n}\n",
		".hidden/main.tf":                              stack("hidden", "bridge"),
		"stacks/.terraform/modules/modules.json":       `{"Modules":[]}`,
		"stacks/platform/.terraform/modules/x/main.tf": stack("installed", "bridge"),
	}
	for i := range o.Teams {
		team := fmt.Sprintf("teams/team-%03d", i)
		mode := "awsvpc"
		if i%3 == 0 {
			mode = "bridge"
		}
		files[team+"/dev/main.tf"] = call("../../../modules/service", mode, "80", "")
		files[team+"/prod/main.tf"] = call("../../../modules/service", "awsvpc", fmt.Sprint(8000+i), "")
		files[team+"/stack/main.tf"] = stack(fmt.Sprintf("team-%03d", i), mode)
		files[team+"/stack/network.tf"] = networkModule
	}
	if o.Broken {
		for name, text := range broken {
			files[name] = text
		}
	}
	return files
}

// broken are the folders Terraform rejects, the OpenTofu ones, and a broken file.
var broken = map[string]string{
	// Module calls Terraform cannot evaluate: the folder fails, the others are linted.
	"modules/service/tests/undeclared/main.tf":                call("../..", "var.mode", "80", ""),
	"modules/service/tests/undeclared-local/main.tf":          call("../..", "local.mod", "80", "") + "\nlocals {\n  mode = \"awsvpc\"\n}\n",
	"modules/service/tests/missing-file/main.tf":              call("../..", "trimspace(file(\"${path.module}/mode.txt\"))", "80", ""),
	"modules/service/tests/bad-path/main.tf":                  call("../..", "path.modul", "80", ""),
	"modules/service/tests/each-undeclared/main.tf":           "module \"service\" {\n  source       = \"../..\"\n  for_each     = var.services\n  network_mode = each.value\n  host_port    = 80\n}\n",
	"modules/service/tests/count-undeclared/main.tf":          "module \"service\" {\n  source       = \"../..\"\n  count        = var.how_many\n  network_mode = \"bridge\"\n  host_port    = 80\n}\n",
	"modules/service/tests/nested-undeclared/main.tf":         "module \"wrapper\" {\n  source = \"./wrapper\"\n}\n",
	"modules/service/tests/nested-undeclared/wrapper/main.tf": call("../../..", "var.mode_typo", "80", "") + "\nvariable \"mode\" {\n  default = \"awsvpc\"\n}\n",
	"modules/service/tests/wrong-type/main.tf":                "module \"service\" {\n  source       = \"../..\"\n  network_mode = [\"awsvpc\", \"bridge\"]\n}\n",
	"modules/service/tests/local-file/main.tf":                call("../..", "local.mode", "80", "") + "\nlocals {\n  mode = file(\"mode.txt\")\n}\n",
	"modules/service/tests/twice/main.tf":                     call("../..", "var.mode", "80", "") + "\n" + strings.ReplaceAll(call("../..", "awsvpc", "local.port", ""), `module "service"`, `module "again"`),
	"stacks/unknown-count/main.tf":                            "variable \"enabled\" {\n  type = bool\n}\n\nmodule \"service\" {\n  source       = \"../../modules/service\"\n  count        = var.enabled ? 1 : 0\n  network_mode = var.nope\n  host_port    = 80\n}\n",
	"stacks/zero-count/main.tf":                               "module \"service\" {\n  source       = \"../../modules/service\"\n  count        = 0\n  network_mode = var.nope\n  host_port    = 80\n}\n",
	"envs/bad-default/main.tf":                                "variable \"port\" {\n  type    = number\n  default = \"http\"\n}\n",
	"envs/bad-type/main.tf":                                   "variable \"port\" {\n  type = numbr\n}\n",
	"envs/bad-tfvars/main.tf":                                 "variable \"port\" {\n  type = number\n}\n\nmodule \"service\" {\n  source       = \"../../modules/service\"\n  network_mode = \"awsvpc\"\n  host_port    = var.port\n}\n",
	"envs/bad-tfvars/terraform.tfvars":                        "port = \"http\"\n",
	"envs/missing-module/main.tf":                             "module \"service\" {\n  source       = \"../../modules/nothere\"\n  network_mode = \"bridge\"\n}\n\n" + stack("missing-module", "bridge"),
	"envs/missing-nested-module/main.tf":                      "module \"wrapper\" {\n  source = \"./wrapper\"\n}\n",
	"envs/missing-nested-module/wrapper/main.tf":              "module \"inner\" {\n  source = \"../gone\"\n}\n",
	"envs/source-undeclared/main.tf":                          "module \"service\" {\n  source = var.where\n}\n",
	"envs/syntax-error/main.tf":                               "resource \"aws_ecs_task_definition\" \"broken\" {\n  family = \"broken\"\n",
	"envs/broken-module/main.tf":                              "module \"task\" {\n  source = \"./task\"\n}\n",
	"envs/broken-module/task/main.tf":                         "resource \"aws_ecs_task_definition\" \"this\" {\n",
	// OpenTofu: tflint --recursive passes over a folder without .tf files.
	"tofu/only/main.tofu":           stack("tofu-only", "bridge"),
	"tofu/only/variables.tofu.json": `{"variable": {"unused": {}}}`,
	"tofu/mixed/main.tf":            stack("mixed-tf", "bridge"),
	"tofu/mixed/main.tofu":          stack("mixed-tofu", "host"),
	"tofu/mixed/extra.tf":           stack("mixed-extra", "bridge"),
}

// call is a call of the shared service module at source.
func call(source, mode, port, extra string) string {
	if !strings.HasPrefix(mode, "var.") && !strings.HasPrefix(mode, "local.") && !strings.Contains(mode, "(") && !strings.HasPrefix(mode, "path.") {
		mode = fmt.Sprintf("%q", mode)
	}
	return fmt.Sprintf("module \"service\" {\n  source       = %q\n  %snetwork_mode = %s\n  host_port    = %s\n}\n", source, extra, mode, port)
}

// stack is a root module of its own: a task definition and a service.
func stack(name, mode string) string {
	return fmt.Sprintf(`resource "aws_ecs_task_definition" "this" {
  family                   = %[1]q
  requires_compatibilities = ["FARGATE"]
  network_mode             = %[2]q
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx:1.27"
    portMappings = [{ containerPort = 80, hostPort = 8080 }]
  }])
}

resource "aws_ecs_service" "this" {
  name            = %[1]q
  task_definition = aws_ecs_task_definition.this.arn
  launch_type     = "FARGATE"
  desired_count   = 1
}
`, name, mode)
}

const serviceVariables = `variable "network_mode" {
  type = string
}

variable "host_port" {
  type    = number
  default = 80
}
`

// serviceModule has a finding of its own (a literal "bridge"), reported wherever the
// module is called from, and findings that come from its callers' arguments.
const serviceModule = `resource "aws_ecs_task_definition" "this" {
  family                   = "service"
  requires_compatibilities = ["FARGATE"]
  network_mode             = var.network_mode
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx:1.27"
    portMappings = [{ containerPort = 80, hostPort = var.host_port }]
  }])
}

resource "aws_ecs_task_definition" "sidecar" {
  family                   = "sidecar"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "bridge"
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "sidecar", image = "busybox:1.36" }])
}

module "task" {
  source       = "../task"
  network_mode = var.network_mode
}
`

const taskModule = `variable "network_mode" {
  type = string
}

resource "aws_ecs_task_definition" "this" {
  family                   = "task"
  requires_compatibilities = ["FARGATE"]
  network_mode             = var.network_mode
  cpu                      = 300
  memory                   = 512
  container_definitions    = jsonencode([{ name = "task", image = "nginx:1.27" }])
}
`

const networkModule = `resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = false
  enable_dns_hostnames = false
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
`

const withNetwork = `module "network" {
  source = "../../modules/network"
}

resource "aws_ecs_task_definition" "this" {
  family                   = "with-network"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 3000
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}
`

const forEachCall = `module "service" {
  source   = "../.."
  for_each = { api = "awsvpc", worker = "bridge" }

  network_mode = each.value
  host_port    = 80
}
`

const overrideFile = `resource "aws_ecs_task_definition" "this" {
  network_mode = "awsvpc"
}
`

const jsonStack = `{
  "resource": {
    "aws_ecs_task_definition": {
      "this": {
        "family": "json",
        "requires_compatibilities": ["FARGATE"],
        "network_mode": "bridge",
        "cpu": 256,
        "memory": 512,
        "container_definitions": "[{\"name\": \"app\", \"image\": \"nginx:1.27\"}]"
      }
    }
  }
}
`

const varsStack = `variable "mode" {
  type = string
}

module "service" {
  source       = "../../modules/service"
  network_mode = var.mode
  host_port    = 80
}
`

const templated = `module "service" {
  source       = "../../modules/service"
  network_mode = jsondecode(templatefile("${path.module}/policy.json.tftpl", {})).Version == "2012-10-17" ? "bridge" : "awsvpc"
  host_port    = 80
}
`

// Write writes files under dir.
func Write(dir string, files map[string]string) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(files[name]), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Folders counts the folders of files that hold Terraform (.tf or .tf.json) files.
func Folders(files map[string]string) int {
	dirs := map[string]bool{}
	for name := range files {
		if strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json") {
			dirs[filepath.Dir(name)] = true
		}
	}
	return len(dirs)
}
