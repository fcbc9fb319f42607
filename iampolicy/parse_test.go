package iampolicy

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want *Policy
	}{
		{
			name: "statement as a single object, action as a string",
			doc:  `{"Version":"2012-10-17","Statement":{"Sid":"Layers","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*"}}`,
			want: &Policy{Version: "2012-10-17", Statements: []Statement{{
				Sid: "Layers", Effect: "Allow",
				Actions:    []string{"s3:GetObject"},
				Resources:  []string{"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*"},
				Principals: &Principals{Wildcard: true},
			}}},
		},
		{
			name: "arrays, typed principals, condition",
			doc: `{"Statement":[
				{"Effect":"Deny","Principal":{"AWS":["arn:aws:iam::111122223333:root","*"],"Service":"ecs-tasks.amazonaws.com"},
				 "NotAction":["s3:Get*","s3:List*"],"NotResource":["arn:aws:s3:::a/*","arn:aws:s3:::b/*"],
				 "Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}},
				{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:role/x"},"Action":"*","Resource":"*"}
			]}`,
			want: &Policy{Statements: []Statement{
				{
					Effect: "Deny",
					Principals: &Principals{ByType: map[string][]string{
						"AWS":     {"arn:aws:iam::111122223333:root", "*"},
						"Service": {"ecs-tasks.amazonaws.com"},
					}},
					NotActions:   []string{"s3:Get*", "s3:List*"},
					NotResources: []string{"arn:aws:s3:::a/*", "arn:aws:s3:::b/*"},
					HasCondition: true,
				},
				{
					Effect:        "Allow",
					NotPrincipals: &Principals{ByType: map[string][]string{"AWS": {"arn:aws:iam::111122223333:role/x"}}},
					Actions:       []string{"*"},
					Resources:     []string{"*"},
				},
			}},
		},
		{
			name: "no principal",
			doc:  `{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`,
			want: &Policy{Statements: []Statement{{Effect: "Allow", Actions: []string{"*"}, Resources: []string{"*"}}}},
		},
		{
			name: "empty statement list",
			doc:  ` {"Statement":[]} `,
			want: &Policy{},
		},
		{
			name: "wrongly typed elements keep what is readable",
			doc:  `{"Statement":[{"Effect":"Allow","Principal":"arn:aws:iam::1:root","Action":["s3:GetObject",1,null],"Resource":true}]}`,
			want: &Policy{Statements: []Statement{{
				Effect: "Allow", Principals: &Principals{},
				Actions: []string{"s3:GetObject"}, Resources: nil, Undecidable: true,
			}}},
		},
		{
			name: "repeated effect is unknown",
			doc:  `{"Statement":{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}}`,
			want: &Policy{Statements: []Statement{{Actions: []string{"*"}, Resources: []string{"*"}, Undecidable: true}}},
		},
		{
			name: "doubtful top level",
			doc:  `{"Version":"1","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`,
			want: &Policy{Statements: []Statement{
				{Effect: "Allow", Actions: []string{"*"}, Resources: []string{"*"}, Undecidable: true},
				{Undecidable: true},
			}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(tc.doc)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Parse mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, doc := range []string{
		``,
		`   `,
		`{"Statement":[`,
		`{"Statement":[{"Effect":"Allow",}]}`,
		`{"Statement":[]} trailing`,
		`{"Statement":[]} {}`,
		`[]`,
		`"Statement"`,
		`null`,
		`{}`,
		`{"Version":"2012-10-17"}`,
		`{"Statement":null}`,
		`{"Statement":"Allow"}`,
		`{"Statement":["Allow"]}`,
		`{"Statement":[{"Effect":"Allow"}, 3]}`,
		`{"Statement":` + deepArray(maxDepth+5) + `}`,
	} {
		if p, err := Parse(doc); err == nil {
			t.Errorf("Parse(%.40q) = %+v, want an error", doc, p)
		}
	}
}

func deepArray(n int) string {
	b := make([]byte, 0, 2*n)
	for range n {
		b = append(b, '[')
	}
	for range n {
		b = append(b, ']')
	}
	return string(b)
}
