package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// Operators plant one catalog mistake each; expected names the rules that report it.
var operators = []struct {
	Name     string
	Expected []string
}{
	{"hostport", []string{"fargate_awsvpc_host_port"}},
	{"links", []string{"fargate_awsvpc_container_options"}},
	{"bridge", []string{"fargate_task_network_mode", "fargate_service_network_configuration"}},
	{"task-size", []string{"fargate_task_size"}},
	{"target-instance", []string{"fargate_target_group_type"}},
	{"unmapped-port", []string{"fargate_service_load_balancer_container"}},
	{"log-driver", []string{"fargate_log_configuration"}},
	{"privileged", []string{"fargate_task_unsupported"}},
	{"daemon", []string{"fargate_service_unsupported"}},
	{"no-exec-role", []string{"fargate_task_execution_role"}},
	{"no-egress", []string{"fargate_service_security_group_egress"}},
	{"no-s3-gateway", []string{"fargate_vpc_endpoint_set", "fargate_service_egress_path"}},
	{"private-dns-off", []string{"fargate_vpc_endpoint_private_dns"}},
	{"gateway-type", []string{"fargate_vpc_endpoint_type"}},
}

// mutant is one planted mistake: a caller file's new content and where the user wrote it.
type mutant struct {
	Op         string
	Where      string // what was edited, for the report
	File       string // caller file, relative to the example
	Src        []byte // its mutated content
	From, To   int    // lines of the mutated file where a finding counts as "at the user's line"
	AnyCaller  bool   // the mistake is an absence with no line: any caller file counts
	NotMistake string // why the edit is not a mistake here ("" when it is one)
}

// callerFile is one .tf file of the example (the root module the user writes).
type callerFile struct {
	Name string
	Src  []byte
	Body *hclsyntax.Body
}

// example is a root module being mutated.
type example struct {
	Repo  string
	Files []*callerFile
	Text  string // every caller file, for the applicability checks
	// OwnCalls: a call of a module by relative path (the repository's own service module,
	// as in heldout.txt) runs the containers and uses the target groups given to it (kind
	// own-service).
	OwnCalls bool
}

// target is a place where the user writes a resource's or a module's arguments: a block
// (resource or module call), or an object in a module argument (a `services` entry).
type target struct {
	Kind  string // resource type, or module kind (tam-service, cp-service, ...)
	Name  string
	File  *callerFile
	Path  []int // block path, for blocks
	Block *hclsyntax.Block
	Obj   *hclsyntax.ObjectConsExpr
}

// text is the target's source.
func (t target) text() string {
	r := t.rng()
	return string(t.File.Src[r.Start.Byte:r.End.Byte])
}

// rng is the target's range.
func (t target) rng() hcl.Range {
	if t.Obj != nil {
		return t.Obj.SrcRange
	}
	return t.Block.Range()
}

// attr returns the target's argument expression, or nil.
func (t target) attr(name string) hclsyntax.Expression {
	if t.Obj != nil {
		if it := item(t.Obj, name); it != nil {
			return it.ValueExpr
		}
		return nil
	}
	if a, ok := t.Block.Body.Attributes[name]; ok {
		return a.Expr
	}
	return nil
}

// set returns the target's file with the arguments set (name, expression text pairs),
// and the lines changed.
func (t target) set(kv ...string) ([]byte, int, int, bool) {
	if t.Obj != nil {
		var ss []splice
		for i := 0; i+1 < len(kv); i += 2 {
			ss = append(ss, setItem(t.File.Src, t.Obj, kv[i], kv[i+1]))
		}
		out, from, to := applySplices(t.File.Src, ss)
		return out, from, to, parses(out)
	}
	out, ok := blockEdit(t.File.Src, t.Path, func(_, body *hclwrite.Body, _ *hclwrite.Block) {
		for i := 0; i+1 < len(kv); i += 2 {
			body.SetAttributeRaw(kv[i], exprTokens(kv[i+1]))
		}
	})
	if !ok || !parses(out) {
		return nil, 0, 0, false
	}
	from, to := changedLines(t.File.Src, out)
	if f, t2, ok := t.keyLines(out, kv); ok {
		from, to = f, t2
	}
	return out, from, to, true
}

// keyLines finds, in the mutated source, the lines of the arguments just set (a value
// left as it was still counts as the user's line).
func (t target) keyLines(src []byte, kv []string) (int, int, bool) {
	file, d := hclsyntax.ParseConfig(src, t.File.Name, hcl.InitialPos)
	if d.HasErrors() {
		return 0, 0, false
	}
	body := file.Body.(*hclsyntax.Body)
	var b *hclsyntax.Block
	for _, i := range t.Path {
		if i >= len(body.Blocks) {
			return 0, 0, false
		}
		b = body.Blocks[i]
		body = b.Body
	}
	from, to := 0, 0
	for i := 0; i < len(kv); i += 2 {
		a, ok := body.Attributes[kv[i]]
		if !ok {
			return 0, 0, false
		}
		r := a.Range()
		if from == 0 || r.Start.Line < from {
			from = r.Start.Line
		}
		to = max(to, r.End.Line)
	}
	return from, to, from > 0
}

// newRange returns the target's line range once lines were removed inside it.
func (t target) newRange(oldSrc, newSrc []byte) (int, int) {
	r := t.rng()
	delta := strings.Count(string(newSrc), "\n") - strings.Count(string(oldSrc), "\n")
	return r.Start.Line, r.End.Line + delta
}

// loadExample parses the example's caller files.
func loadExample(dir, repo string) (*example, error) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.tf"))
	ex := &example{Repo: repo}
	var text strings.Builder
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		file, d := hclsyntax.ParseConfig(src, filepath.Base(f), hcl.InitialPos)
		if d.HasErrors() {
			continue
		}
		ex.Files = append(ex.Files, &callerFile{Name: filepath.Base(f), Src: src, Body: file.Body.(*hclsyntax.Body)})
		text.Write(src)
	}
	ex.Text = text.String()
	return ex, nil
}

var rootSource = regexp.MustCompile(`^(\.\./)*\.\.$`)

// moduleKind names the module a call's source points to, among those the operators know.
func moduleKind(source, repo string) string {
	root := strings.HasPrefix(source, ".") && rootSource.MatchString(path.Clean(source))
	switch {
	case strings.Contains(source, "ecs-alb-service-task") || root && strings.HasSuffix(repo, "ecs-alb-service-task"):
		return "cp-service"
	case strings.Contains(source, "ecs-container-definition") || root && strings.HasSuffix(repo, "ecs-container-definition"):
		return "cp-container"
	case strings.Contains(source, "modules/service"):
		return "tam-service"
	case strings.Contains(source, "modules/container-definition"):
		return "tam-container"
	case strings.Contains(source, "modules/cluster"):
		return "tam-cluster"
	case source == "terraform-aws-modules/ecs/aws" || root && strings.HasSuffix(repo, "terraform-aws-ecs"):
		return "tam-ecs"
	case strings.Contains(source, "alb/aws") || root && strings.HasSuffix(repo, "terraform-aws-alb"):
		return "tam-alb"
	case strings.Contains(source, "vpc-endpoints"):
		return "tam-vpce"
	case strings.Contains(source, "vpc/aws") || root && strings.HasSuffix(repo, "terraform-aws-vpc"):
		return "tam-vpc"
	}
	return ""
}

// targets lists the example's resource blocks and module calls, and the entries of a
// terraform-aws-modules ecs `services` map (as kind tam-service).
func (ex *example) targets() []target {
	var out []target
	for _, f := range ex.Files {
		for i, b := range f.Body.Blocks {
			switch {
			case b.Type == "resource" && len(b.Labels) == 2:
				out = append(out, target{Kind: b.Labels[0], Name: b.Labels[1], File: f, Path: []int{i}, Block: b})
			case b.Type == "module" && len(b.Labels) == 1:
				src := ""
				if a, ok := b.Body.Attributes["source"]; ok {
					src = literal(a.Expr)
				}
				kind := moduleKind(src, ex.Repo)
				if kind == "" && ex.OwnCalls && strings.HasPrefix(src, ".") {
					kind = "own-service"
				}
				out = append(out, target{Kind: kind, Name: b.Labels[0], File: f, Path: []int{i}, Block: b})
				if kind == "tam-ecs" {
					if a, ok := b.Body.Attributes["services"]; ok {
						if obj, ok := a.Expr.(*hclsyntax.ObjectConsExpr); ok {
							for _, it := range obj.Items {
								if o, ok := it.ValueExpr.(*hclsyntax.ObjectConsExpr); ok {
									out = append(out, target{Kind: "tam-service", Name: b.Labels[0] + ".services." + keyName(it.KeyExpr), File: f, Obj: o})
								}
							}
						}
					}
				}
			}
		}
	}
	return out
}

// isServiceKind reports whether a target runs ECS tasks (a task definition or a service).
func isServiceKind(kind string) bool {
	switch kind {
	case "aws_ecs_task_definition", "aws_ecs_service", "tam-service", "cp-service", "own-service":
		return true
	}
	return false
}

var ec2Only = regexp.MustCompile(`requires_compatibilities\s*=\s*\[\s*"(EC2|MANAGED_INSTANCES)"\s*\]|launch_type\s*=\s*"EC2"`)
var bridgeMode = regexp.MustCompile(`network_mode\s*=\s*"(bridge|host)"`)

// notFargate says why the target's tasks are not Fargate tasks, or "".
func notFargate(text string) string {
	if ec2Only.MatchString(text) {
		return "the tasks run on EC2 only (requires_compatibilities or launch_type EC2)"
	}
	if bridgeMode.MatchString(text) {
		return "the task uses bridge/host network mode (EC2 only)"
	}
	return ""
}

// where formats a mutant's location.
func where(f *callerFile, line int, what string) string {
	return fmt.Sprintf("%s:%d %s", f.Name, line, what)
}

// mutants plants every operator at every place of the example it applies to.
func (ex *example) mutants() []mutant {
	var out []mutant
	ts := ex.targets()
	var services []target
	for _, t := range ts {
		if isServiceKind(t.Kind) {
			services = append(services, t)
		}
	}
	out = append(out, ex.containerMutants(ts, services)...)
	for _, t := range ts {
		out = append(out, ex.taskMutants(t)...)
		out = append(out, ex.lbMutants(t, services)...)
		out = append(out, ex.networkMutants(t, ts, services)...)
	}
	fargate := strings.Contains(ex.Text, "FARGATE")
	for _, t := range ts {
		// These modules run on Fargate unless told otherwise.
		fargate = fargate || t.Kind == "tam-service" || t.Kind == "cp-service" || t.Kind == "tam-ecs"
	}
	for i := range out {
		if out[i].NotMistake == "" {
			out[i].NotMistake = ex.disabled(out[i])
		}
		switch out[i].Op {
		case "bridge", "task-size", "log-driver", "privileged", "daemon":
			if out[i].NotMistake == "" && !fargate {
				out[i].NotMistake = "nothing in the example runs on Fargate (no FARGATE compatibility, launch type or capacity provider; the network mode defaults to bridge)"
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Op < out[j].Op })
	return out
}

// disabled says why a mutant is no mistake because the module call around it creates
// nothing (create = false) or no service (create_service = false).
func (ex *example) disabled(m mutant) string {
	for _, f := range ex.Files {
		if f.Name != m.File {
			continue
		}
		line := m.From
		if line == 0 {
			return ""
		}
		for _, b := range f.Body.Blocks {
			r := b.Range()
			if line < r.Start.Line || line > r.End.Line {
				continue
			}
			if a, ok := b.Body.Attributes["create"]; ok && literal(a.Expr) == "false" {
				return "the module call creates nothing (create = false)"
			}
			switch m.Op {
			case "task-size", "no-exec-role":
				if a, ok := b.Body.Attributes["create_task_definition"]; ok && literal(a.Expr) == "false" {
					return "the module call creates no task definition (create_task_definition = false)"
				}
			}
			switch m.Op {
			case "daemon", "unmapped-port", "no-egress", "target-instance":
				if a, ok := b.Body.Attributes["create_service"]; ok && literal(a.Expr) == "false" {
					return "the module call creates no service (create_service = false)"
				}
			}
		}
	}
	return ""
}

// set builds a mutant that sets arguments on a target.
func (t target) mutant(op, what, notMistake string, kv ...string) (mutant, bool) {
	src, from, to, ok := t.set(kv...)
	if !ok {
		return mutant{}, false
	}
	return mutant{Op: op, Where: where(t.File, from, t.Kind+" "+t.Name+": "+what), File: t.File.Name, Src: src, From: from, To: to, NotMistake: notMistake}, true
}

// taskMutants: bridge, task size, DAEMON, removed execution role.
func (ex *example) taskMutants(t target) []mutant {
	var out []mutant
	add := func(m mutant, ok bool) {
		if ok {
			out = append(out, m)
		}
	}
	why := notFargate(t.text())
	switch t.Kind {
	case "aws_ecs_task_definition", "tam-service", "cp-service":
		if e := t.attr("network_mode"); e == nil || literal(e) != "bridge" {
			add(t.mutant("bridge", `network_mode = "bridge"`, ec2Reason(t.text()), "network_mode", `"bridge"`))
		}
		cpu, mem := "cpu", "memory"
		if t.Kind == "cp-service" {
			cpu, mem = "task_cpu", "task_memory"
		}
		add(t.mutant("task-size", "cpu 256 with memory 4096", why, cpu, "256", mem, "4096"))
	}
	switch t.Kind {
	case "aws_ecs_service":
		add(t.mutant("daemon", `scheduling_strategy = "DAEMON"`, why, "scheduling_strategy", `"DAEMON"`))
	case "tam-service", "cp-service":
		daemonWhy := why
		if daemonWhy == "" {
			daemonWhy = "the module sends REPLICA whenever launch_type is FARGATE (terraform-aws-modules, cloudposse)"
		}
		add(t.mutant("daemon", `scheduling_strategy = "DAEMON"`, daemonWhy, "scheduling_strategy", `"DAEMON"`))
	}
	switch t.Kind {
	case "aws_ecs_task_definition":
		if t.attr("execution_role_arn") == nil {
			break
		}
		out2, ok := blockEdit(t.File.Src, t.Path, func(_, body *hclwrite.Body, _ *hclwrite.Block) { body.RemoveAttribute("execution_role_arn") })
		if ok && parses(out2) {
			from, to := t.newRange(t.File.Src, out2)
			out = append(out, mutant{Op: "no-exec-role", Where: where(t.File, from, t.Kind+" "+t.Name+": execution_role_arn removed"), File: t.File.Name, Src: out2, From: from, To: to, NotMistake: needsNoExecRole(ex.Text, why)})
		}
	case "tam-service":
		kv := []string{"create_task_exec_iam_role", "false"}
		if t.attr("task_exec_iam_role_arn") != nil {
			kv = append(kv, "task_exec_iam_role_arn", "null")
		}
		if m, ok := t.mutant("no-exec-role", "create_task_exec_iam_role = false", needsNoExecRole(t.text(), why), kv...); ok {
			r := t.rng()
			m.From, m.To = r.Start.Line, r.End.Line+strings.Count(string(m.Src), "\n")-strings.Count(string(t.File.Src), "\n")
			out = append(out, m)
		}
	}
	return out
}

// ec2Reason is notFargate without the bridge case (planting bridge on a bridge task is skipped).
func ec2Reason(text string) string {
	if ec2Only.MatchString(text) {
		return "the tasks run on EC2 only: bridge mode is allowed"
	}
	return ""
}

// needsNoExecRole says why a task without an execution role is fine: no awslogs, no
// private ECR image, no secrets.
func needsNoExecRole(text, notFargate string) string {
	uses := strings.Contains(text, "awslogs") || strings.Contains(text, ".dkr.ecr.") ||
		strings.Contains(text, "secrets") || strings.Contains(text, "repositoryCredentials") ||
		strings.Contains(text, "repository_credentials")
	// terraform-aws-modules' container definitions log to CloudWatch (awslogs) unless told not to.
	containers := strings.Count(text, "image")
	disabled := strings.Count(strings.ReplaceAll(text, " ", ""), "enable_cloudwatch_logging=false")
	if containers > disabled && (strings.Contains(text, "container_definitions") || strings.Contains(text, "containerDefinitions")) {
		uses = true
	}
	if !uses {
		return "the task neither logs with awslogs nor pulls from private ECR nor reads secrets"
	}
	if notFargate != "" && !strings.Contains(text, "secrets") && !strings.Contains(text, "repositoryCredentials") && !strings.Contains(text, "repository_credentials") {
		return "on EC2 the agent logs and pulls with the instance role; only secrets or repository credentials need an execution role (" + notFargate + ")"
	}
	return ""
}
