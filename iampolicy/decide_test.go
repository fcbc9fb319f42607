package iampolicy

import (
	"strings"
	"testing"
)

const (
	layerBucketObjects = "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*"
	repoARN            = "arn:aws:ecr:us-east-1:111122223333:repository/app"
)

var (
	// getLayer is what an ECS task's image pull asks of the S3 gateway endpoint.
	getLayer = Request{Action: "s3:GetObject", Resource: "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/sha256/0a1b2c"}
	// ECR pull actions, as asked of the ecr.api and ecr.dkr endpoints.
	getToken   = Request{Action: "ecr:GetAuthorizationToken", Resource: "*"}
	batchImage = Request{Action: "ecr:BatchGetImage", Resource: repoARN}
	layerURL   = Request{Action: "ecr:GetDownloadUrlForLayer", Resource: repoARN}
	checkLayer = Request{Action: "ecr:BatchCheckLayerAvailability", Resource: repoARN}
)

// stmt builds one statement's JSON from its element texts, e.g.
// stmt(`"Effect":"Allow"`, `"Action":"s3:*"`).
func stmt(elems ...string) string { return "{" + strings.Join(elems, ",") + "}" }

// doc builds a policy document from statement texts.
func doc(stmts ...string) string {
	return `{"Version":"2012-10-17","Statement":[` + strings.Join(stmts, ",") + "]}"
}

const (
	allow   = `"Effect":"Allow"`
	deny    = `"Effect":"Deny"`
	anyone  = `"Principal":"*"`
	allRes  = `"Resource":"*"`
	allAct  = `"Action":"*"`
	s3Get   = `"Action":"s3:GetObject"`
	layerRs = `"Resource":"` + layerBucketObjects + `"`
)

func TestDecide(t *testing.T) {
	// The endpoint policy AWS suggests for the S3 gateway endpoint so that
	// ECR image layers can be downloaded, with the region filled in.
	ecrLayers := `{"Statement":[{"Sid":"Access-to-specific-bucket-only","Principal":"*",
		"Action":["s3:GetObject"],"Effect":"Allow","Resource":["` + layerBucketObjects + `"]}]}`
	defaultPolicy := `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`
	allowAll := stmt(allow, anyone, allAct, allRes)
	pullActions := `"Action":["ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:BatchGetImage"]`

	tests := []struct {
		name string
		doc  string
		req  Request
		want Decision
	}{
		{"aws ecr layer policy", ecrLayers, getLayer, Allowed},
		{"aws ecr layer policy, other action", ecrLayers, Request{Action: "s3:PutObject", Resource: getLayer.Resource}, ImplicitDeny},
		{"default endpoint policy", defaultPolicy, getLayer, Allowed},
		{"company bucket only", doc(stmt(allow, anyone, `"Action":"s3:*"`, `"Resource":["arn:aws:s3:::example-corp-data","arn:aws:s3:::example-corp-data/*"]`)), getLayer, ImplicitDeny},
		{"action s3:Get*", doc(stmt(allow, anyone, `"Action":"s3:Get*"`, layerRs)), getLayer, Allowed},
		{"action s3:*", doc(stmt(allow, anyone, `"Action":"s3:*"`, layerRs)), getLayer, Allowed},
		{"action *", doc(stmt(allow, anyone, allAct, layerRs)), getLayer, Allowed},
		{"action s3:Put*", doc(stmt(allow, anyone, `"Action":"s3:Put*"`, allRes)), getLayer, ImplicitDeny},
		{"action s3:Get?bject", doc(stmt(allow, anyone, `"Action":"s3:Get?bject"`, allRes)), getLayer, Allowed},
		{"action case-insensitive", doc(stmt(allow, anyone, `"Action":"S3:GETOBJECT"`, allRes)), getLayer, Allowed},
		{"action pattern case-insensitive", doc(stmt(allow, anyone, `"Action":"ECR:batch*"`, allRes)), batchImage, Allowed},
		{"request action case-insensitive", doc(stmt(allow, anyone, s3Get, allRes)), Request{Action: "S3:getobject", Resource: getLayer.Resource}, Allowed},
		{"resource region wildcard", doc(stmt(allow, anyone, s3Get, `"Resource":"arn:aws:s3:::prod-*-starport-layer-bucket/*"`)), getLayer, Allowed},
		{"resource ? wildcard", doc(stmt(allow, anyone, s3Get, `"Resource":"arn:aws:s3:::prod-us-east-?-starport-layer-bucket/*"`)), getLayer, Allowed},
		{"resource bucket only, not objects", doc(stmt(allow, anyone, s3Get, `"Resource":"arn:aws:s3:::prod-us-east-1-starport-layer-bucket"`)), getLayer, ImplicitDeny},
		{"resource case-sensitive", doc(stmt(allow, anyone, s3Get, `"Resource":"arn:aws:s3:::PROD-us-east-1-starport-layer-bucket/*"`)), getLayer, ImplicitDeny},
		{"resource other region", doc(stmt(allow, anyone, s3Get, `"Resource":"arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*"`)), getLayer, ImplicitDeny},
		{"resource segment-final star crosses colons", doc(stmt(allow, anyone, allAct, `"Resource":"arn:aws:ecr:*"`)), batchImage, Allowed},
		{"resource mid-segment star over a colon", doc(stmt(allow, anyone, allAct, `"Resource":"arn:aws:ecr:us-east-*3:repository/app"`)), batchImage, Unknown},
		{"resource policy variable may match", doc(stmt(allow, anyone, s3Get, `"Resource":"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/${aws:username}/*"`)), getLayer, Unknown},
		{"resource policy variable cannot match", doc(stmt(allow, anyone, s3Get, `"Resource":"arn:aws:s3:::example-corp-${aws:username}/*"`)), getLayer, ImplicitDeny},
		{"NotAction allows the rest", doc(stmt(allow, anyone, `"NotAction":["s3:PutObject","s3:DeleteObject"]`, allRes)), getLayer, Allowed},
		{"NotAction excludes it", doc(stmt(allow, anyone, `"NotAction":"s3:Get*"`, allRes)), getLayer, ImplicitDeny},
		{"NotResource allows the rest", doc(stmt(allow, anyone, s3Get, `"NotResource":"arn:aws:s3:::example-corp-data/*"`)), getLayer, Allowed},
		{"NotResource excludes it", doc(stmt(allow, anyone, s3Get, `"NotResource":"arn:aws:s3:::prod-*"`)), getLayer, ImplicitDeny},
		{"NotResource with a policy variable", doc(stmt(allow, anyone, s3Get, `"NotResource":"arn:aws:s3:::prod-${aws:username}/*"`)), getLayer, Unknown},
		{"deny outside own buckets", doc(allowAll, stmt(deny, anyone, `"Action":"s3:*"`, `"NotResource":["arn:aws:s3:::example-corp-data/*"]`)), getLayer, ExplicitDeny},
		{"explicit deny beats allow", doc(allowAll, stmt(deny, anyone, s3Get, layerRs)), getLayer, ExplicitDeny},
		{"deny before allow, same outcome", doc(stmt(deny, anyone, s3Get, layerRs), allowAll), getLayer, ExplicitDeny},
		{"deny of other actions", doc(allowAll, stmt(deny, anyone, `"Action":"s3:Delete*"`, allRes)), getLayer, Allowed},
		{"conditional deny", doc(allowAll, stmt(deny, anyone, `"Action":"s3:*"`, allRes, `"Condition":{"StringNotEquals":{"aws:PrincipalAccount":"111122223333"}}`)), getLayer, Unknown},
		{"conditional deny that cannot match", doc(allowAll, stmt(deny, anyone, `"Action":"s3:Put*"`, allRes, `"Condition":{"Bool":{"aws:SecureTransport":"false"}}`)), getLayer, Allowed},
		{"certain deny beats conditional deny", doc(stmt(deny, anyone, s3Get, allRes), stmt(deny, anyone, allAct, allRes, `"Condition":{}`)), getLayer, ExplicitDeny},
		{"conditional allow only", doc(stmt(allow, anyone, s3Get, allRes, `"Condition":{"StringEquals":{"aws:SourceVpce":"vpce-0123"}}`)), getLayer, Unknown},
		{"conditional allow beside a certain allow", doc(stmt(allow, anyone, s3Get, allRes, `"Condition":{"StringEquals":{"aws:SourceVpce":"vpce-0123"}}`), stmt(allow, anyone, s3Get, layerRs)), getLayer, Allowed},
		{"conditional allow that cannot match", doc(stmt(allow, anyone, `"Action":"s3:Put*"`, allRes, `"Condition":{"StringEquals":{"aws:SourceVpce":"vpce-0123"}}`)), getLayer, ImplicitDeny},
		{"principal *", doc(stmt(allow, `"Principal":"*"`, s3Get, layerRs)), getLayer, Allowed},
		{"principal AWS *", doc(stmt(allow, `"Principal":{"AWS":"*"}`, s3Get, layerRs)), getLayer, Allowed},
		{"principal AWS [*]", doc(stmt(allow, `"Principal":{"AWS":["arn:aws:iam::111122223333:root","*"]}`, s3Get, layerRs)), getLayer, Allowed},
		{"principal absent, allow", doc(stmt(allow, s3Get, layerRs)), getLayer, Allowed},
		{"principal absent, deny", doc(allowAll, stmt(deny, s3Get, layerRs)), getLayer, Unknown},
		{"principal-specific allow", doc(stmt(allow, `"Principal":{"AWS":"arn:aws:iam::111122223333:role/task"}`, s3Get, layerRs)), getLayer, Unknown},
		{"principal-specific allow, that principal", doc(stmt(allow, `"Principal":{"AWS":"arn:aws:iam::111122223333:role/task"}`, s3Get, layerRs)),
			Request{Action: getLayer.Action, Resource: getLayer.Resource, Principal: "arn:aws:iam::111122223333:role/task"}, Allowed},
		{"principal-specific allow, another principal", doc(stmt(allow, `"Principal":{"AWS":"arn:aws:iam::111122223333:role/task"}`, s3Get, layerRs)),
			Request{Action: getLayer.Action, Resource: getLayer.Resource, Principal: "arn:aws:iam::111122223333:role/other"}, Unknown},
		{"service principal allow", doc(stmt(allow, `"Principal":{"Service":"ecs-tasks.amazonaws.com"}`, s3Get, layerRs)), getLayer, Unknown},
		{"principal-specific deny", doc(allowAll, stmt(deny, `"Principal":{"AWS":"111122223333"}`, s3Get, allRes)), getLayer, Unknown},
		{"principal-specific deny that cannot match", doc(allowAll, stmt(deny, `"Principal":{"AWS":"111122223333"}`, `"Action":"ecr:*"`, allRes)), getLayer, Allowed},
		{"NotPrincipal deny", doc(allowAll, stmt(deny, `"NotPrincipal":{"AWS":"arn:aws:iam::111122223333:role/admin"}`, s3Get, allRes)), getLayer, Unknown},
		{"ecr pull on repository", doc(stmt(allow, anyone, pullActions, `"Resource":"`+repoARN+`"`)), batchImage, Allowed},
		{"ecr pull: layer url", doc(stmt(allow, anyone, pullActions, `"Resource":"`+repoARN+`"`)), layerURL, Allowed},
		{"ecr pull: check layers", doc(stmt(allow, anyone, pullActions, `"Resource":"`+repoARN+`"`)), checkLayer, Allowed},
		{"ecr token needs resource *", doc(stmt(allow, anyone, pullActions, `"Resource":"`+repoARN+`"`)), getToken, ImplicitDeny},
		{"ecr token on *", doc(stmt(allow, anyone, pullActions, allRes)), getToken, Allowed},
		{"ecr other repository", doc(stmt(allow, anyone, pullActions, `"Resource":"arn:aws:ecr:us-east-1:111122223333:repository/other"`)), batchImage, ImplicitDeny},
		{"ecr push only", doc(stmt(allow, anyone, `"Action":["ecr:PutImage","ecr:InitiateLayerUpload"]`, allRes)), batchImage, ImplicitDeny},
		{"no statements", `{"Statement":[]}`, getLayer, ImplicitDeny},
		{"lower-case effect", doc(stmt(`"Effect":"allow"`, anyone, s3Get, layerRs)), getLayer, Unknown},
		{"lower-case effect that cannot match", doc(stmt(`"Effect":"deny"`, anyone, `"Action":"ecr:*"`, allRes), allowAll), getLayer, Unknown},
		{"missing Resource", doc(stmt(allow, anyone, s3Get)), getLayer, Unknown},
		{"Action and NotAction", doc(stmt(allow, anyone, s3Get, `"NotAction":"s3:Put*"`, allRes)), getLayer, Unknown},
		{"repeated Effect", doc(stmt(allow, anyone, s3Get, allRes, deny)), getLayer, Unknown},
		{"unrecognised statement element", doc(stmt(allow, anyone, s3Get, allRes, `"Actions":"s3:*"`)), getLayer, Unknown},
		{"unrecognised top-level element", `{"Statement":[` + allowAll + `],"Extra":1}`, getLayer, Unknown},
		{"unrecognised Version", `{"Version":"2012-10-18","Statement":[` + allowAll + `]}`, getLayer, Unknown},
		{"repeated Statement", `{"Statement":[` + allowAll + `],"Statement":[]}`, getLayer, Unknown},
		{"undecidable allow beside a certain allow", doc(stmt(allow, anyone, `"Action":["s3:GetObject",7]`, allRes), stmt(allow, anyone, s3Get, layerRs)), getLayer, Allowed},
		{"undecidable allow beside a certain deny", doc(stmt(allow, anyone, `"Action":[]`, allRes), stmt(deny, anyone, s3Get, layerRs)), getLayer, ExplicitDeny},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Parse(tc.doc)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got := p.Decide(tc.req); got != tc.want {
				t.Errorf("Decide(%+v) = %v, want %v", tc.req, got, tc.want)
			}
		})
	}
}

func TestDecideNil(t *testing.T) {
	var p *Policy
	if got := p.Decide(getLayer); got != Unknown {
		t.Errorf("nil policy: got %v, want Unknown", got)
	}
}

func TestDecideBuiltStatements(t *testing.T) {
	// Statements built by hand rather than parsed: odd shapes stay undecided.
	tests := []struct {
		name string
		s    Statement
		want Decision
	}{
		{"well formed", Statement{Effect: "Allow", Actions: []string{"s3:*"}, Resources: []string{"*"}, Principals: &Principals{Wildcard: true}}, Allowed},
		{"no actions", Statement{Effect: "Allow", Resources: []string{"*"}}, Unknown},
		{"no resources", Statement{Effect: "Allow", Actions: []string{"*"}}, Unknown},
		{"empty effect", Statement{Actions: []string{"*"}, Resources: []string{"*"}}, Unknown},
		{"empty effect, no match", Statement{Actions: []string{"ecr:*"}, Resources: []string{"*"}}, ImplicitDeny},
		{"marked undecidable", Statement{Effect: "Deny", Actions: []string{"ecr:*"}, Resources: []string{"*"}, Undecidable: true}, Unknown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := &Policy{Statements: []Statement{tc.s}}
			if got := p.Decide(getLayer); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestDecisionString(t *testing.T) {
	for d, want := range map[Decision]string{Unknown: "Unknown", Allowed: "Allowed", ImplicitDeny: "ImplicitDeny", ExplicitDeny: "ExplicitDeny", Decision(42): "Unknown"} {
		if got := d.String(); got != want {
			t.Errorf("Decision(%d).String() = %q, want %q", int(d), got, want)
		}
	}
}
