package model

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"

	"github.com/fargate-lint/tflint-ruleset-fargate/config"
	"github.com/fargate-lint/tflint-ruleset-fargate/hcleval"
)

// Data sources are unknown until apply, but for a few the answer is decided by their
// arguments and the provider's region: the model answers those for the configuration
// (config.DataSources), and nothing else.

// answeredData are the data sources the model answers.
var answeredData = map[string]bool{
	"aws_region":               true,
	"aws_partition":            true,
	"aws_vpc_endpoint_service": true,
	"aws_iam_policy_document":  true,
	TypeTaskDefinition:         true,
}

// endpointServiceMark marks the unknown service_name of an aws_vpc_endpoint_service
// whose region is not known with the service it names (ecr.dkr, logs).
type endpointServiceMark string

var dataSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "count"}, {Name: "for_each"}, {Name: "service"}, {Name: "service_name"},
		{Name: "service_type"}, {Name: "service_regions"}, {Name: "tags"}, {Name: "name"}, {Name: "region"}, {Name: "id"}},
	Blocks: []hcl.BlockHeaderSchema{{Type: "filter"}},
}

// awsData answers the data sources of one configuration, in the region of its aws
// provider.
type awsData struct {
	regionKnown    bool
	providerRegion string
}

// Answers reports whether the model answers data sources of type typ.
func (d *awsData) Answers(typ string) bool { return answeredData[typ] }

// region returns the region of the root module's aws provider (see ProviderRegion),
// worked out once.
func (d *awsData) region(cfg *config.Config) string {
	if !d.regionKnown {
		d.regionKnown = true
		d.providerRegion = providerRegion(cfg)
	}
	return d.providerRegion
}

var providerSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "region"}, {Name: "alias"}}}

// providerRegion returns the region of the one aws provider block without an alias,
// when that is the only aws provider block.
func providerRegion(cfg *config.Config) string {
	providers := cfg.Providers("aws")
	if len(providers) != 1 {
		return ""
	}
	content, _, _ := providers[0].Body.PartialContent(providerSchema)
	if content.Attributes["alias"] != nil || content.Attributes["region"] == nil {
		return ""
	}
	region, _ := cfg.String(&hclext.Attribute{Expr: content.Attributes["region"].Expr})
	return region
}

// Value works out one instance of a data block: an object of the attributes its
// arguments decide.
func (d *awsData) Value(typ string, b *config.Body) cty.Value {
	switch typ {
	case "aws_iam_policy_document":
		return policyDocument(b) // decided by its statements alone, in any region
	case TypeTaskDefinition:
		return newestRevision(b)
	}
	content, _, _ := b.PartialContent(dataSchema)
	arg := func(name string) (string, bool) {
		a := content.Attributes[name]
		if a == nil {
			return "", true
		}
		v := hcleval.Plain(b.Eval(a.Expr))
		if v.IsNull() {
			return "", true
		}
		if !v.IsKnown() || v.IsMarked() || v.Type() != cty.String {
			return "", false
		}
		return v.AsString(), true
	}
	region := d.region(b.Config())
	if r, ok := arg("region"); !ok {
		return config.Unknown
	} else if r != "" {
		region = r
	}
	if region == "" && typ != "aws_vpc_endpoint_service" {
		return config.Unknown
	}
	switch typ {
	case "aws_region":
		return cty.ObjectVal(map[string]cty.Value{"name": cty.StringVal(region), "id": cty.StringVal(region), "region": cty.StringVal(region)})
	case "aws_partition":
		partition, suffix := "aws", "amazonaws.com"
		switch {
		case strings.HasPrefix(region, "cn-"):
			partition, suffix = "aws-cn", "amazonaws.com.cn"
		case strings.HasPrefix(region, "us-gov-"):
			partition = "aws-us-gov"
		}
		return cty.ObjectVal(map[string]cty.Value{"partition": cty.StringVal(partition), "id": cty.StringVal(partition), "dns_suffix": cty.StringVal(suffix)})
	case "aws_vpc_endpoint_service":
		service, ok1 := arg("service")
		serviceName, ok2 := arg("service_name")
		serviceType, ok3 := arg("service_type")
		filterType, ok4 := serviceTypeFilter(b, content)
		if !ok1 || !ok2 || !ok3 || !ok4 || !isNull(b, content.Attributes["service_regions"]) || content.Attributes["tags"] != nil {
			return config.Unknown // other filters search what exists
		}
		if serviceType == "" {
			serviceType = filterType
		}
		name := cty.StringVal(serviceName)
		if serviceName == "" {
			switch {
			case service == "":
				return config.Unknown
			case region == "":
				// The region is not known, the service is: an unknown name that says it.
				name = cty.UnknownVal(cty.String).Mark(endpointServiceMark(service))
			default:
				name = cty.StringVal("com.amazonaws." + region + "." + service)
			}
		}
		if serviceType == "" {
			if service == "s3" || service == "dynamodb" {
				return config.Unknown // both a Gateway and an Interface service exist
			}
			serviceType = EndpointInterface
		}
		return cty.ObjectVal(map[string]cty.Value{"service_name": name, "service_type": cty.StringVal(serviceType)})
	}
	return config.Unknown
}

// serviceTypeFilter reads filter blocks that only say the service type; ok is false for
// any other filter, whose result depends on what exists.
func serviceTypeFilter(b *config.Body, content *hcl.BodyContent) (string, bool) {
	typ := ""
	for _, f := range content.Blocks {
		attrs, _ := f.Body.JustAttributes()
		if attrs["name"] == nil || attrs["values"] == nil {
			return "", false
		}
		name := hcleval.Plain(b.Eval(attrs["name"].Expr))
		values := hcleval.Plain(b.Eval(attrs["values"].Expr))
		if !name.IsKnown() || name.IsNull() || name.IsMarked() || name.Type() != cty.String || name.AsString() != "service-type" {
			return "", false
		}
		if !values.IsWhollyKnown() || values.IsNull() || values.IsMarked() || !values.CanIterateElements() || values.LengthInt() != 1 {
			return "", false
		}
		v := values.AsValueSlice()[0]
		if v.IsNull() || v.Type() != cty.String {
			return "", false
		}
		typ = v.AsString()
	}
	return typ, true
}

// isNull reports whether attr is absent or known to be null.
func isNull(b *config.Body, attr *hcl.Attribute) bool {
	if attr == nil {
		return true
	}
	v := b.Eval(attr.Expr)
	return v.IsKnown() && v.IsNull()
}

// newestRevision answers a data source reading a task definition family's newest
// revision. When the family is that of a task definition resource, it stands for the
// revision that resource registers: each time Terraform registers one it is the family's
// newest, so a service created or changed with it runs that revision. The well-known
// "${family}:${max(resource.revision, data.revision)}" then names the resource, as
// "${family}:${resource.revision}" does. Read from anything else, it is unknown.
func newestRevision(b *config.Body) cty.Value {
	content, _, _ := b.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "task_definition"}}})
	a := content.Attributes["task_definition"]
	if a == nil {
		return config.Unknown
	}
	// The resource's family (or an ARN: its revision, or the family's newest); a
	// template such as "${family}:3" names another revision.
	tr, isTraversal := hcl.UnwrapExpression(a.Expr).(*hclsyntax.ScopeTraversalExpr)
	if !isTraversal {
		return config.Unknown
	}
	if last, isAttr := tr.Traversal[len(tr.Traversal)-1].(hcl.TraverseAttr); !isAttr || !slices.Contains([]string{"family", "arn", "arn_without_revision", "id"}, last.Name) {
		return config.Unknown
	}
	family := b.Eval(a.Expr)
	if len(b.Config().ResolveValue(family, TypeTaskDefinition)) == 0 {
		return config.Unknown
	}
	read := func(ty cty.Type) cty.Value {
		return config.ReadFrom(cty.UnknownVal(ty).RefineNotNull(), family)
	}
	return cty.ObjectVal(map[string]cty.Value{
		"id": read(cty.String), "arn": read(cty.String), "arn_without_revision": read(cty.String),
		"family": read(cty.String), "revision": read(cty.Number),
	})
}
