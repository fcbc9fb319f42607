package model

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/fargate-lint/tflint-ruleset-fargate/hcleval"
)

// Data sources are unknown until apply, but for a few the answer is decided by their
// arguments and the provider's region: the model answers those, and nothing else.

// watchedData are the data sources the model answers.
var watchedData = map[string]bool{
	"aws_region":               true,
	"aws_partition":            true,
	"aws_vpc_endpoint_service": true,
	"aws_iam_policy_document":  true,
}

// endpointServiceMark marks the unknown service_name of an aws_vpc_endpoint_service
// whose region is not known with the service it names (ecr.dkr, logs).
type endpointServiceMark string

// dataBlock is one data block of a module instance, with its value once worked out.
type dataBlock struct {
	block *hcl.Block
	mod   *module
	value cty.Value
}

var dataSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "count"}, {Name: "for_each"}, {Name: "service"}, {Name: "service_name"},
		{Name: "service_type"}, {Name: "service_regions"}, {Name: "tags"}, {Name: "name"}, {Name: "region"}, {Name: "id"}},
	Blocks: []hcl.BlockHeaderSchema{{Type: "filter"}},
}

// Data answers a reference to a data source: the value its arguments decide, or unknown.
func (mod *module) Data(typ, name string, attrs []string) cty.Value {
	db := mod.data[typ+"."+name]
	if db == nil {
		if b := mod.dataBlock(typ, name); b != nil {
			return mod.unwatchedValue(b, attrs)
		}
		return unknownValue
	}
	if db.value == cty.NilVal {
		db.value = unknownValue // while it is worked out: a reference to itself is unknown
		db.value = db.evaluate(typ)
	}
	return withAttrs(db.value, attrs)
}

// evaluate works out the value of every instance of the data block.
func (db *dataBlock) evaluate(typ string) cty.Value {
	content, _, _ := db.block.Body.PartialContent(dataSchema)
	it := iterate(content, db.mod.eval.Value)
	if it.unknown || it.tooMany > 0 {
		return unknownValue
	}
	values := make([]cty.Value, len(it.scopes))
	for i, s := range it.scopes {
		values[i] = db.instance(typ, content, s)
	}
	switch {
	case it.count:
		return cty.TupleVal(values)
	case it.forEach:
		members := map[string]cty.Value{}
		for i, k := range it.keys {
			members[k.AsString()] = values[i]
		}
		return cty.ObjectVal(members)
	}
	return values[0]
}

// instance works out one instance: an object of the attributes the arguments decide.
func (db *dataBlock) instance(typ string, content *hcl.BodyContent, s scope) cty.Value {
	if typ == "aws_iam_policy_document" {
		return db.policyDocument(s) // decided by its statements alone, in any region
	}
	arg := func(name string) (string, bool) {
		a := content.Attributes[name]
		if a == nil {
			return "", true
		}
		v := hcleval.Plain(db.mod.eval.ValueIn(a.Expr, s))
		if v.IsNull() {
			return "", true
		}
		if !v.IsKnown() || v.IsMarked() || v.Type() != cty.String {
			return "", false
		}
		return v.AsString(), true
	}
	region := db.mod.cfg.ProviderRegion
	if r, ok := arg("region"); !ok {
		return unknownValue
	} else if r != "" {
		region = r
	}
	if region == "" && typ != "aws_vpc_endpoint_service" {
		return unknownValue
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
		filterType, ok4 := db.serviceTypeFilter(content, s)
		if !ok1 || !ok2 || !ok3 || !ok4 || !db.isNull(content.Attributes["service_regions"], s) || content.Attributes["tags"] != nil {
			return unknownValue // other filters search what exists
		}
		if serviceType == "" {
			serviceType = filterType
		}
		name := cty.StringVal(serviceName)
		if serviceName == "" {
			switch {
			case service == "":
				return unknownValue
			case region == "":
				// The region is not known, the service is: an unknown name that says it.
				name = cty.UnknownVal(cty.String).Mark(endpointServiceMark(service))
			default:
				name = cty.StringVal("com.amazonaws." + region + "." + service)
			}
		}
		if serviceType == "" {
			if service == "s3" || service == "dynamodb" {
				return unknownValue // both a Gateway and an Interface service exist
			}
			serviceType = EndpointInterface
		}
		return cty.ObjectVal(map[string]cty.Value{"service_name": name, "service_type": cty.StringVal(serviceType)})
	}
	return unknownValue
}

// serviceTypeFilter reads filter blocks that only say the service type; ok is false for
// any other filter, whose result depends on what exists.
func (db *dataBlock) serviceTypeFilter(content *hcl.BodyContent, s scope) (string, bool) {
	typ := ""
	for _, f := range content.Blocks {
		attrs, _ := f.Body.JustAttributes()
		if attrs["name"] == nil || attrs["values"] == nil {
			return "", false
		}
		name := hcleval.Plain(db.mod.eval.ValueIn(attrs["name"].Expr, s))
		values := hcleval.Plain(db.mod.eval.ValueIn(attrs["values"].Expr, s))
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
func (db *dataBlock) isNull(attr *hcl.Attribute, s scope) bool {
	if attr == nil {
		return true
	}
	v := db.mod.eval.ValueIn(attr.Expr, s)
	return v.IsKnown() && v.IsNull()
}

// withAttrs gives a data source's value the attributes an expression reads: those the
// model does not know are unknown.
func withAttrs(v cty.Value, attrs []string) cty.Value {
	if attrs == nil || !v.IsKnown() || v.IsMarked() {
		return v
	}
	ty := v.Type()
	switch {
	case ty.IsObjectType() && isInstance(v):
		members := v.AsValueMap()
		for _, a := range attrs {
			if _, ok := members[a]; !ok {
				members[a] = cty.DynamicVal
			}
		}
		return cty.ObjectVal(members)
	case ty.IsObjectType() || ty.IsTupleType():
		var out []cty.Value
		keys := []string{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			if ty.IsObjectType() {
				keys = append(keys, k.AsString())
			}
			out = append(out, withAttrs(e, attrs))
		}
		if ty.IsTupleType() {
			return cty.TupleVal(out)
		}
		members := map[string]cty.Value{}
		for i, k := range keys {
			members[k] = out[i]
		}
		return cty.ObjectVal(members)
	}
	return v
}

// isInstance tells an instance object from an object of instances keyed by for_each:
// an instance's attributes are never objects.
func isInstance(v cty.Value) bool {
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.Type().IsObjectType() {
			return false
		}
	}
	return true
}
