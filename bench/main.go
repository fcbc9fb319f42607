// Command bench measures what the plugin adds to a tflint run.
//
// It writes a module of Fargate stacks (task definition with jsonencode containers
// built from locals, service, target group, listener rule, security group and egress
// rule) in one VPC with NAT, runs
// tflint over it alternately without any plugin and with the fargate plugin (all
// preset), and prints the median wall time of each and their ratio.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func main() {
	tflint := flag.String("tflint", ".tools/bin/tflint", "tflint binary")
	plugin := flag.String("plugin", "tflint-ruleset-fargate", "plugin binary")
	stacks := flag.Int("stacks", 1000, "number of stacks")
	perFile := flag.Int("per-file", 50, "stacks per file")
	runs := flag.Int("runs", 7, "runs of each configuration")
	keep := flag.String("keep", "", "write the module into this folder and keep it")
	flag.Parse()

	dir := *keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "fargate-bench-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	if err := writeModule(dir, *stacks, *perFile); err != nil {
		log.Fatal(err)
	}
	pluginDir := filepath.Join(dir, ".plugins")
	if err := os.MkdirAll(pluginDir, 0o755); err != nil {
		log.Fatal(err)
	}
	if err := copyFile(*plugin, filepath.Join(pluginDir, "tflint-ruleset-fargate")); err != nil {
		log.Fatal(err)
	}
	baseCfg := "plugin \"terraform\" {\n  enabled = false\n}\n"
	withCfg := baseCfg + "plugin \"fargate\" {\n  enabled = true\n  preset  = \"all\"\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "base.hcl"), []byte(baseCfg), 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "with.hcl"), []byte(withCfg), 0o644); err != nil {
		log.Fatal(err)
	}

	tfl, err := filepath.Abs(*tflint)
	if err != nil {
		log.Fatal(err)
	}
	run := func(cfg string) time.Duration {
		cmd := exec.Command(tfl, "--config", cfg, "--format", "compact")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "TFLINT_PLUGIN_DIR="+pluginDir)
		start := time.Now()
		out, err := cmd.CombinedOutput()
		elapsed := time.Since(start)
		if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 2) {
			log.Fatalf("tflint --config %s: %v\n%s", cfg, err, out)
		}
		if strings.Contains(string(out), "Failed") {
			log.Fatalf("tflint --config %s:\n%s", cfg, out)
		}
		return elapsed
	}
	run("with.hcl") // warm the file cache and check the plugin loads
	var base, with []time.Duration
	for i := 0; i < *runs; i++ {
		base = append(base, run("base.hcl"))
		with = append(with, run("with.hcl"))
	}
	mb, mw := median(base), median(with)
	fmt.Printf("stacks: %d, %d per file, %d runs each\n", *stacks, *perFile, *runs)
	fmt.Printf("tflint without plugins:       median %v\n", mb.Round(time.Millisecond))
	fmt.Printf("tflint with fargate (all):    median %v\n", mw.Round(time.Millisecond))
	fmt.Printf("ratio: %.2f\n", float64(mw)/float64(mb))
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o755)
}

func writeModule(dir string, stacks, perFile int) error {
	var b strings.Builder
	b.WriteString("variable \"region\" {\n  default = \"eu-west-1\"\n}\n\n")
	b.WriteString(sharedNetwork)
	b.WriteString("resource \"aws_lb_listener\" \"main\" {\n  load_balancer_arn = \"arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/main/1\"\n  port = 443\n  default_action {\n    type = \"fixed-response\"\n  }\n}\n")
	if err := os.WriteFile(filepath.Join(dir, "shared.tf"), []byte(b.String()), 0o644); err != nil {
		return err
	}
	for file := 0; file*perFile < stacks; file++ {
		b.Reset()
		for i := file * perFile; i < min(stacks, (file+1)*perFile); i++ {
			fmt.Fprintf(&b, stackTemplate, i)
		}
		name := filepath.Join(dir, fmt.Sprintf("stacks_%03d.tf", file))
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// stackTemplate is one Fargate stack; %[1]d numbers it.
const stackTemplate = `
locals {
  s%[1]d_name = "svc-%[1]d"
  s%[1]d_port = 8080
  s%[1]d_containers = [
    {
      name         = local.s%[1]d_name
      image        = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/svc-%[1]d:1.0.0"
      essential    = true
      portMappings = [{ containerPort = local.s%[1]d_port, hostPort = local.s%[1]d_port }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/${local.s%[1]d_name}"
          "awslogs-region"        = var.region
          "awslogs-stream-prefix" = local.s%[1]d_name
        }
      }
    }
  ]
}

resource "aws_ecs_task_definition" "s%[1]d" {
  family                   = local.s%[1]d_name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = jsonencode(local.s%[1]d_containers)
}

resource "aws_security_group" "s%[1]d" {
  name   = "svc-%[1]d"
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc_security_group_egress_rule" "s%[1]d" {
  security_group_id = aws_security_group.s%[1]d.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_lb_target_group" "s%[1]d" {
  name        = "svc-%[1]d"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = aws_vpc.main.id
}

resource "aws_lb_listener_rule" "s%[1]d" {
  listener_arn = aws_lb_listener.main.arn
  priority     = %[1]d + 1

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.s%[1]d.arn
  }

  condition {
    path_pattern {
      values = ["/svc-%[1]d/*"]
    }
  }
}

resource "aws_ecs_service" "s%[1]d" {
  name            = "svc-%[1]d"
  cluster         = "main"
  task_definition = aws_ecs_task_definition.s%[1]d.arn
  launch_type     = "FARGATE"
  desired_count   = 2

  network_configuration {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.s%[1]d.id]
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.s%[1]d.arn
    container_name   = "svc-%[1]d"
    container_port   = 8080
  }

  depends_on = [aws_lb_listener_rule.s%[1]d]
}
`

// sharedNetwork is the VPC every stack runs in: private subnets behind a NAT gateway.
const sharedNetwork = `
resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_subnet" "public" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.0.0/24"
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
}

resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}

resource "aws_nat_gateway" "main" {
  subnet_id = aws_subnet.public.id
}

resource "aws_subnet" "private" {
  count      = 3
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.${count.index + 1}.0/24"
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.main.id
  }
}

resource "aws_route_table_association" "private" {
  count          = 3
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}
`
