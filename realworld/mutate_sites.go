package main

import (
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// camelKeys and snakeKeys tell how a container object names its settings:
// ECS's own (camelCase, as in JSON) or terraform-aws-modules v5's (snake_case).
var camelKeys = []string{"portMappings", "logConfiguration", "readonlyRootFilesystem", "memoryReservation", "linuxParameters", "firelensConfiguration", "mountPoints", "dependsOn", "healthCheck"}
var snakeKeys = []string{"port_mappings", "log_configuration", "readonly_root_filesystem", "memory_reservation", "linux_parameters", "firelens_configuration", "mount_points", "health_check", "container_image"}

// containerSite is a container the user writes: an object with an image, or a call of
// a container definition module.
type containerSite struct {
	t     target // the object (Obj) or the module call (Block)
	ctx   string // the text of the top-level block around it
	snake bool
}

// key returns the setting's name in the site's style.
func (c containerSite) key(camel, snake string) string {
	if c.snake {
		return snake
	}
	return camel
}

// containers finds the example's containers.
func (ex *example) containers(ts []target) []containerSite {
	var out []containerSite
	for _, t := range ts {
		if t.Block == nil {
			continue
		}
		ctx := t.text()
		switch t.Kind {
		case "cp-container":
			out = append(out, containerSite{t: t, ctx: ctx, snake: true})
			continue
		case "tam-container":
			out = append(out, containerSite{t: t, ctx: ctx, snake: t.attr("port_mappings") != nil || t.attr("log_configuration") != nil || t.attr("readonly_root_filesystem") != nil})
			continue
		}
	}
	for _, f := range ex.Files {
		for _, b := range f.Body.Blocks {
			ctx := string(f.Src[b.Range().Start.Byte:b.Range().End.Byte])
			inJSON := map[*hclsyntax.ObjectConsExpr]bool{}
			hclsyntax.VisitAll(b, func(n hclsyntax.Node) hcl.Diagnostics {
				if call, ok := n.(*hclsyntax.FunctionCallExpr); ok && call.Name == "jsonencode" {
					hclsyntax.VisitAll(call, func(n hclsyntax.Node) hcl.Diagnostics {
						if o, ok := n.(*hclsyntax.ObjectConsExpr); ok {
							inJSON[o] = true
						}
						return nil
					})
				}
				return nil
			})
			// Containers are written in a container_definitions argument (of a task
			// definition or a service module), or in a local that names containers.
			var exprs []hclsyntax.Expression
			for name, a := range b.Body.Attributes {
				if name == "container_definitions" || name == "containers" ||
					(b.Type == "locals" && (strings.Contains(name, "container") || strings.Contains(name, "task"))) {
					exprs = append(exprs, a.Expr)
				}
			}
			for _, inner := range b.Body.Blocks {
				for name, a := range inner.Body.Attributes {
					if name == "container_definitions" {
						exprs = append(exprs, a.Expr)
					}
				}
			}
			if b.Type == "module" {
				// terraform-aws-modules' ecs module: services = { x = { container_definitions = ... } }.
				if a, ok := b.Body.Attributes["services"]; ok {
					hclsyntax.VisitAll(a.Expr, func(n hclsyntax.Node) hcl.Diagnostics {
						if o, ok := n.(*hclsyntax.ObjectConsExpr); ok {
							if it := item(o, "container_definitions"); it != nil {
								exprs = append(exprs, it.ValueExpr)
							}
						}
						return nil
					})
				}
			}
			for _, e := range exprs {
				hclsyntax.VisitAll(e, func(n hclsyntax.Node) hcl.Diagnostics {
					o, ok := n.(*hclsyntax.ObjectConsExpr)
					if !ok || item(o, "image") == nil {
						return nil
					}
					snake := false
					if !inJSON[o] {
						for _, k := range snakeKeys {
							if item(o, k) != nil {
								snake = true
							}
						}
						camel := false
						for _, k := range camelKeys {
							if item(o, k) != nil {
								camel = true
							}
						}
						if !snake && !camel {
							// A bare container in a module argument: the file's other containers decide.
							snake = strings.Contains(string(f.Src), "port_mappings") || strings.Contains(string(f.Src), "log_configuration")
						}
					}
					name := ""
					if it := item(o, "name"); it != nil {
						name = literal(it.ValueExpr)
					}
					out = append(out, containerSite{t: target{Kind: "container", Name: name, File: f, Obj: o}, ctx: ctx, snake: snake})
					return nil
				})
			}
		}
	}
	return out
}

// containerMutants: hostPort, links, privileged, log driver.
func (ex *example) containerMutants(ts, services []target) []mutant {
	var out []mutant
	noTask := ""
	if len(services) == 0 {
		noTask = "no task definition or service in the example uses this container"
	}
	hasServiceModule := false
	for _, t := range ts {
		hasServiceModule = hasServiceModule || t.Kind == "tam-service" || t.Kind == "cp-service" || t.Kind == "tam-ecs"
	}
	for _, c := range ex.containers(ts) {
		why := noTask
		if why == "" {
			why = notFargate(c.ctx)
		}
		// hostPort and links are mistakes in awsvpc (and host) mode, on Fargate or EC2.
		modeWhy := noTask
		if modeWhy == "" {
			switch {
			case bridgeMode.MatchString(c.ctx):
				modeWhy = "the task uses bridge/host network mode"
			case strings.HasPrefix(c.ctx, `resource "aws_ecs_task_definition"`) && !strings.Contains(c.ctx, "network_mode") && !strings.Contains(c.ctx, "FARGATE"):
				modeWhy = "the task definition sets no network_mode (bridge) and is not for Fargate"
			case !strings.Contains(ex.Text, `"awsvpc"`) && !strings.Contains(ex.Text, "FARGATE") && !hasServiceModule:
				modeWhy = "no task in the example uses awsvpc network mode"
			}
		}
		add := func(m mutant, ok bool) {
			if ok {
				out = append(out, m)
			}
		}
		label := c.t.Name
		add(c.t.mutant("links", `links = ["db"] on container `+label, modeWhy, "links", `["db"]`))
		add(c.t.mutant("privileged", "privileged = true on container "+label, why, "privileged", "true"))
		// hostPort: on each port mapping written as an object with a containerPort.
		if pm := c.t.attr(c.key("portMappings", "port_mappings")); pm != nil {
			if tup, ok := pm.(*hclsyntax.TupleConsExpr); ok {
				for _, e := range tup.Exprs {
					o, ok := e.(*hclsyntax.ObjectConsExpr)
					if !ok || item(o, "containerPort") == nil {
						continue
					}
					pt := target{Kind: "port mapping", Name: label, File: c.t.File, Obj: o}
					add(pt.mutant("hostport", "hostPort = 65000 on container "+label, modeWhy, "hostPort", "65000"))
				}
			}
		}
		// Log driver: syslog in the existing log configuration, or a new one.
		lc := c.t.attr(c.key("logConfiguration", "log_configuration"))
		if o, ok := lc.(*hclsyntax.ObjectConsExpr); ok {
			lt := target{Kind: "log configuration", Name: label, File: c.t.File, Obj: o}
			add(lt.mutant("log-driver", `logDriver = "syslog" on container `+label, why, "logDriver", `"syslog"`))
		} else if lc == nil {
			add(c.t.mutant("log-driver", `logDriver = "syslog" on container `+label, why, c.key("logConfiguration", "log_configuration"), `{ logDriver = "syslog", options = {} }`))
		}
	}
	return out
}

// lbMutants: target_type = "instance", a container_port no container maps.
func (ex *example) lbMutants(t target, services []target) []mutant {
	var out []mutant
	add := func(m mutant, ok bool) {
		if ok {
			out = append(out, m)
		}
	}
	usedBy := func(ref string) string {
		for _, s := range services {
			txt := s.text()
			if strings.Contains(txt, ref) {
				if why := notFargate(txt); why != "" {
					return "the service using it is not awsvpc: " + why
				}
				return ""
			}
		}
		return "no ECS service in the example uses this target group"
	}
	settable := func(e hclsyntax.Expression) bool {
		switch literal(e) {
		case "instance", "lambda", "alb":
			return false
		}
		return true
	}
	switch t.Kind {
	case "aws_lb_target_group", "aws_alb_target_group":
		if e := t.attr("target_type"); e == nil || settable(e) {
			add(t.mutant("target-instance", `target_type = "instance"`, usedBy(t.Kind+"."+t.Name), "target_type", `"instance"`))
		}
	case "tam-alb":
		tg := t.attr("target_groups")
		var entries []*hclsyntax.ObjectConsExpr
		var keys []string
		switch v := tg.(type) {
		case *hclsyntax.ObjectConsExpr:
			for _, it := range v.Items {
				if o, ok := it.ValueExpr.(*hclsyntax.ObjectConsExpr); ok {
					entries, keys = append(entries, o), append(keys, keyName(it.KeyExpr))
				}
			}
		case *hclsyntax.TupleConsExpr:
			for _, e := range v.Exprs {
				if o, ok := e.(*hclsyntax.ObjectConsExpr); ok {
					entries, keys = append(entries, o), append(keys, "target_group_arns")
				}
			}
		}
		for i, o := range entries {
			if e := item(o, "target_type"); e != nil && !settable(e.ValueExpr) {
				continue
			}
			et := target{Kind: "alb target group", Name: t.Name + "." + keys[i], File: t.File, Obj: o}
			ref := keys[i]
			if ref == "" {
				ref = "target_group"
			}
			add(et.mutant("target-instance", `target_type = "instance"`, usedBy(ref), "target_type", `"instance"`))
		}
	case "aws_ecs_service":
		for j, b := range t.Block.Body.Blocks {
			if b.Type != "load_balancer" {
				continue
			}
			if _, ok := b.Body.Attributes["container_port"]; !ok {
				continue
			}
			path := append(append([]int(nil), t.Path...), j)
			src, ok := blockEdit(t.File.Src, path, func(_, body *hclwrite.Body, _ *hclwrite.Block) {
				body.SetAttributeRaw("container_port", exprTokens("65001"))
			})
			if ok && parses(src) {
				from, to := changedLines(t.File.Src, src)
				out = append(out, mutant{Op: "unmapped-port", Where: where(t.File, from, "aws_ecs_service "+t.Name+": load_balancer container_port = 65001"), File: t.File.Name, Src: src, From: from, To: to})
			}
		}
	case "tam-service", "cp-service":
		name := "load_balancer"
		if t.Kind == "cp-service" {
			name = "ecs_load_balancers"
		}
		var objs []*hclsyntax.ObjectConsExpr
		switch v := t.attr(name).(type) {
		case *hclsyntax.ObjectConsExpr:
			for _, it := range v.Items {
				if o, ok := it.ValueExpr.(*hclsyntax.ObjectConsExpr); ok {
					objs = append(objs, o)
				}
			}
		case *hclsyntax.TupleConsExpr:
			for _, e := range v.Exprs {
				if o, ok := e.(*hclsyntax.ObjectConsExpr); ok {
					objs = append(objs, o)
				}
			}
		}
		for _, o := range objs {
			if item(o, "container_port") == nil {
				continue
			}
			lt := target{Kind: t.Kind, Name: t.Name + " " + name, File: t.File, Obj: o}
			add(lt.mutant("unmapped-port", "container_port = 65001", "", "container_port", "65001"))
		}
	}
	return out
}

// endpointService extracts the AWS service of an endpoint from its service name text.
var endpointService = regexp.MustCompile(`(ecr\.api|ecr\.dkr|logs|secretsmanager|ssmmessages|ssm|kms|sts|ecs-agent|ecs-telemetry|ecs|s3)"?\s*$`)

// privateDNSServices are the services fargate_vpc_endpoint_private_dns watches.
var privateDNSServices = map[string]bool{"ecr.api": true, "ecr.dkr": true, "logs": true, "secretsmanager": true, "ssm": true, "ecs": true, "ecs-agent": true, "ecs-telemetry": true}

// interfaceOnly are the Interface-only services fargate_vpc_endpoint_type watches.
var interfaceOnly = map[string]bool{"ecr.api": true, "ecr.dkr": true, "logs": true, "secretsmanager": true, "ssm": true, "ssmmessages": true, "kms": true, "sts": true, "ecs": true, "ecs-agent": true, "ecs-telemetry": true}

// serviceOf returns the endpoint's service name (ecr.dkr, s3, ...) from an expression's text.
func serviceOf(src []byte, e hclsyntax.Expression) string {
	if e == nil {
		return ""
	}
	r := e.Range()
	m := endpointService.FindStringSubmatch(string(src[r.Start.Byte:r.End.Byte]))
	if m == nil {
		return ""
	}
	return m[1]
}

// networkMutants: removed egress, removed S3 gateway, private DNS off, Gateway type.
func (ex *example) networkMutants(t target, all, services []target) []mutant {
	var out []mutant
	add := func(m mutant, ok bool) {
		if ok {
			out = append(out, m)
		}
	}
	pullsECR := strings.Contains(ex.Text, ".dkr.ecr.") || strings.Contains(ex.Text, "repository_url")
	s3Why := ""
	switch {
	case len(services) == 0:
		s3Why = "no ECS task in the example"
	case !pullsECR:
		s3Why = "no task in the example pulls a private ECR image"
	}
	switch t.Kind {
	case "aws_vpc_endpoint":
		svc := serviceOf(t.File.Src, t.attr("service_name"))
		typ := ""
		if e := t.attr("vpc_endpoint_type"); e != nil {
			typ = literal(e)
		}
		if svc == "s3" && typ != "Interface" {
			src, ok := blockEdit(t.File.Src, t.Path, func(parent, _ *hclwrite.Body, b *hclwrite.Block) { parent.RemoveBlock(b) })
			if ok && parses(src) {
				out = append(out, mutant{Op: "no-s3-gateway", Where: where(t.File, t.rng().Start.Line, "aws_vpc_endpoint "+t.Name+" removed"), File: t.File.Name, Src: src, AnyCaller: true, NotMistake: s3Why})
			}
		}
		if typ == "Interface" && privateDNSServices[svc] {
			if e := t.attr("private_dns_enabled"); e != nil && literal(e) == "true" {
				add(t.mutant("private-dns-off", "private_dns_enabled = false ("+svc+")", "", "private_dns_enabled", "false"))
			}
		}
		if typ == "Interface" && interfaceOnly[svc] {
			add(t.mutant("gateway-type", `vpc_endpoint_type = "Gateway" (`+svc+")", "", "vpc_endpoint_type", `"Gateway"`))
		}
	case "tam-vpce", "tam-vpc":
		ep, ok := t.attr("endpoints").(*hclsyntax.ObjectConsExpr)
		if !ok {
			break
		}
		for _, it := range ep.Items {
			o, ok := it.ValueExpr.(*hclsyntax.ObjectConsExpr)
			if !ok {
				continue
			}
			svcItem := item(o, "service")
			if svcItem == nil {
				continue
			}
			svc := literal(svcItem.ValueExpr)
			typ := ""
			if e := item(o, "service_type"); e != nil {
				typ = literal(e.ValueExpr)
			}
			if c := item(o, "create"); c != nil && literal(c.ValueExpr) == "false" {
				continue
			}
			et := target{Kind: "vpc endpoint", Name: t.Name + "." + keyName(it.KeyExpr), File: t.File, Obj: o}
			if svc == "s3" && typ == "Gateway" {
				it := it
				src, from, _ := applySplices(t.File.Src, []splice{removeItem(t.File.Src, &it)})
				if parses(src) {
					out = append(out, mutant{Op: "no-s3-gateway", Where: where(t.File, from, et.Name+" removed"), File: t.File.Name, Src: src, AnyCaller: true, NotMistake: s3Why})
				}
			}
			if typ == "Gateway" {
				continue
			}
			if e := item(o, "private_dns_enabled"); e != nil && literal(e.ValueExpr) == "true" && privateDNSServices[svc] {
				add(et.mutant("private-dns-off", "private_dns_enabled = false ("+svc+")", "", "private_dns_enabled", "false"))
			}
			if interfaceOnly[svc] {
				add(et.mutant("gateway-type", `service_type = "Gateway" (`+svc+")", "", "service_type", `"Gateway"`))
			}
		}
	case "tam-service":
		if e, ok := t.attr("security_group_rules").(*hclsyntax.ObjectConsExpr); ok {
			var ss []splice
			for i := range e.Items {
				o, ok := e.Items[i].ValueExpr.(*hclsyntax.ObjectConsExpr)
				if !ok {
					continue
				}
				if ty := item(o, "type"); ty != nil && literal(ty.ValueExpr) == "egress" {
					ss = append(ss, removeItem(t.File.Src, &e.Items[i]))
				}
			}
			if len(ss) > 0 {
				src, _, _ := applySplices(t.File.Src, ss)
				if parses(src) {
					from, to := t.newRange(t.File.Src, src)
					out = append(out, mutant{Op: "no-egress", Where: where(t.File, from, t.Name+": egress entries of security_group_rules removed"), File: t.File.Name, Src: src, From: from, To: to, NotMistake: otherGroups(t)})
				}
			}
		} else if t.attr("security_group_egress_rules") != nil {
			if m, ok := t.mutant("no-egress", "security_group_egress_rules = {}", otherGroups(t), "security_group_egress_rules", "{}"); ok {
				from, to := t.newRange(t.File.Src, m.Src)
				m.From, m.To = from, to
				out = append(out, m)
			}
		}
	case "cp-service":
		if m, ok := t.mutant("no-egress", "enable_all_egress_rule = false", otherGroups(t), "enable_all_egress_rule", "false"); ok {
			from, to := t.newRange(t.File.Src, m.Src)
			m.From, m.To = from, to
			out = append(out, m)
		}
	case "aws_security_group":
		used := false
		for _, s := range services {
			if strings.Contains(s.text(), "aws_security_group."+t.Name+".") {
				used = true
			}
		}
		if !used {
			break
		}
		has := false
		for _, b := range t.Block.Body.Blocks {
			has = has || b.Type == "egress"
		}
		if !has {
			break
		}
		src, ok := blockEdit(t.File.Src, t.Path, func(_, body *hclwrite.Body, _ *hclwrite.Block) {
			for _, b := range body.Blocks() {
				if b.Type() == "egress" {
					body.RemoveBlock(b)
				}
			}
		})
		if ok && parses(src) {
			from, to := t.newRange(t.File.Src, src)
			out = append(out, mutant{Op: "no-egress", Where: where(t.File, from, "aws_security_group "+t.Name+": egress blocks removed"), File: t.File.Name, Src: src, From: from, To: to})
		}
	}
	return out
}

// otherGroups says why removing the module's own egress is not a mistake: the tasks also
// get groups the caller passes, which may allow egress.
func otherGroups(t target) string {
	if why := notFargate(t.text()); why != "" {
		return "EC2 tasks pull images and send logs through the container instance, not the task's interface (" + why + ")"
	}
	if e := t.attr("security_group_ids"); e != nil {
		if tup, ok := e.(*hclsyntax.TupleConsExpr); !ok || len(tup.Exprs) > 0 {
			return "the tasks also get the caller's security_group_ids"
		}
	}
	return ""
}
