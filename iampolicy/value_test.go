package iampolicy

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"
)

// obj is shorthand for cty.ObjectVal.
func obj(attrs map[string]cty.Value) cty.Value { return cty.ObjectVal(attrs) }

func strs(ss ...string) cty.Value {
	vals := make([]cty.Value, len(ss))
	for i, s := range ss {
		vals[i] = cty.StringVal(s)
	}
	return cty.TupleVal(vals)
}

// layerStatement is the S3 layer-bucket statement as a jsonencode argument,
// with overrides.
func layerStatement(over map[string]cty.Value) cty.Value {
	attrs := map[string]cty.Value{
		"Sid":       cty.StringVal("Layers"),
		"Effect":    cty.StringVal("Allow"),
		"Principal": cty.StringVal("*"),
		"Action":    strs("s3:GetObject"),
		"Resource":  strs(layerBucketObjects),
	}
	for k, v := range over {
		attrs[k] = v
	}
	return obj(attrs)
}

func policyVal(stmts ...cty.Value) cty.Value {
	return obj(map[string]cty.Value{
		"Version":   cty.StringVal("2012-10-17"),
		"Statement": cty.TupleVal(stmts),
	})
}

func TestFromValueMatchesParse(t *testing.T) {
	v := policyVal(layerStatement(map[string]cty.Value{
		"Principal": obj(map[string]cty.Value{"AWS": cty.StringVal("*")}),
		"Condition": obj(map[string]cty.Value{"StringEquals": obj(map[string]cty.Value{"aws:SourceVpce": cty.StringVal("vpce-1")})}),
	}))
	got, ok := FromValue(v)
	if !ok {
		t.Fatal("FromValue: not a policy")
	}
	want, err := Parse(`{"Version":"2012-10-17","Statement":[{"Sid":"Layers","Effect":"Allow","Principal":{"AWS":"*"},
		"Action":["s3:GetObject"],"Resource":["` + layerBucketObjects + `"],"Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}}]}`)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FromValue and Parse differ (-parse +value):\n%s", diff)
	}
}

func TestFromValue(t *testing.T) {
	unknownStr := cty.UnknownVal(cty.String)
	allowAll := obj(map[string]cty.Value{
		"Effect": cty.StringVal("Allow"), "Principal": cty.StringVal("*"),
		"Action": cty.StringVal("*"), "Resource": cty.StringVal("*"),
	})
	tests := []struct {
		name string
		v    cty.Value
		want Decision
	}{
		{"known layer policy", policyVal(layerStatement(nil)), Allowed},
		{"unknown in the action list", policyVal(layerStatement(map[string]cty.Value{
			"Action": cty.TupleVal([]cty.Value{cty.StringVal("s3:PutObject"), unknownStr}),
		})), Unknown},
		{"unknown action list", policyVal(layerStatement(map[string]cty.Value{"Action": cty.UnknownVal(cty.List(cty.String))})), Unknown},
		{"unknown in the resource list", policyVal(layerStatement(map[string]cty.Value{
			"Resource": cty.TupleVal([]cty.Value{unknownStr}),
		})), Unknown},
		{"unknown effect", policyVal(layerStatement(map[string]cty.Value{"Effect": unknownStr})), Unknown},
		{"unknown principal", policyVal(layerStatement(map[string]cty.Value{"Principal": cty.DynamicVal})), Unknown},
		{"unknown sid is harmless", policyVal(layerStatement(map[string]cty.Value{"Sid": unknownStr})), Allowed},
		{"unknown condition", policyVal(layerStatement(map[string]cty.Value{"Condition": cty.DynamicVal})), Unknown},
		{"unknown statement", obj(map[string]cty.Value{"Statement": cty.DynamicVal}), Unknown},
		{"unknown statement element", policyVal(cty.DynamicVal), Unknown},
		{"unknown version", obj(map[string]cty.Value{"Version": unknownStr, "Statement": layerStatement(nil)}), Allowed},
		{"undecidable deny", policyVal(allowAll, layerStatement(map[string]cty.Value{
			"Effect": cty.StringVal("Deny"), "Action": cty.TupleVal([]cty.Value{unknownStr}),
		})), Unknown},
		{"undecidable allow beside a certain allow", policyVal(layerStatement(nil), layerStatement(map[string]cty.Value{
			"Resource": cty.TupleVal([]cty.Value{unknownStr}),
		})), Allowed},
		{"statement as a single object", obj(map[string]cty.Value{"Statement": layerStatement(nil)}), Allowed},
		{"statement list type, action set", obj(map[string]cty.Value{"Statement": cty.ListVal([]cty.Value{
			cty.MapVal(map[string]cty.Value{"Effect": cty.StringVal("Allow"), "Principal": cty.StringVal("*"), "Action": cty.StringVal("s3:GetObject"), "Resource": cty.StringVal("*")}),
		})}), Allowed},
		{"action set with an unknown", policyVal(layerStatement(map[string]cty.Value{
			"Action": cty.SetVal([]cty.Value{cty.StringVal("s3:GetObject"), unknownStr}),
		})), Unknown},
		{"company bucket only", policyVal(layerStatement(map[string]cty.Value{"Resource": strs("arn:aws:s3:::example-corp-data/*")})), ImplicitDeny},
		{"sensitive marks are ignored", policyVal(layerStatement(map[string]cty.Value{"Action": strs("s3:GetObject").Mark("sensitive")})), Allowed},
		{"jsonencode result", cty.StringVal(`{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}}`), Allowed},
		{"unknown jsonencode result", unknownStr, Unknown},
		{"wholly unknown", cty.DynamicVal, Unknown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, ok := FromValue(tc.v)
			if !ok {
				t.Fatal("FromValue: not a policy")
			}
			if got := p.Decide(getLayer); got != tc.want {
				t.Errorf("Decide = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestFromValueUnknownKeepsKnownParts(t *testing.T) {
	p, ok := FromValue(policyVal(layerStatement(map[string]cty.Value{
		"Action": cty.TupleVal([]cty.Value{cty.StringVal("s3:GetObject"), cty.UnknownVal(cty.String)}),
	})))
	if !ok {
		t.Fatal("FromValue: not a policy")
	}
	want := []Statement{{
		Sid: "Layers", Effect: "Allow", Principals: &Principals{Wildcard: true},
		Actions: []string{"s3:GetObject"}, Resources: []string{layerBucketObjects},
		Undecidable: true,
	}}
	if diff := cmp.Diff(want, p.Statements); diff != "" {
		t.Errorf("statements (-want +got):\n%s", diff)
	}
}

func TestFromValueNotAPolicy(t *testing.T) {
	for name, v := range map[string]cty.Value{
		"nil value":          cty.NilVal,
		"number":             cty.NumberIntVal(3),
		"null object":        cty.NullVal(cty.EmptyObject),
		"no statement":       obj(map[string]cty.Value{"Version": cty.StringVal("2012-10-17")}),
		"statement a string": obj(map[string]cty.Value{"Statement": cty.StringVal("x")}),
		"list of strings":    strs("a"),
		"bad json string":    cty.StringVal(`{"Statement":`),
		"null string":        cty.NullVal(cty.String),
	} {
		if p, ok := FromValue(v); ok {
			t.Errorf("%s: FromValue = %+v, true; want false", name, p)
		}
	}
}
