package iampolicy

import "testing"

// FuzzParse feeds arbitrary text to Parse and decides a few requests with
// whatever comes back: nothing may panic, and decisions stay in range.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		``,
		`{}`,
		`{"Statement":[]}`,
		`{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*"}}`,
		`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":["*"]},"NotAction":["s3:Get*"],"NotResource":"arn:aws:s3:::a/${aws:username}/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`,
		`{"Statement":[{"Effect":"Allow","Effect":"Deny","Action":[1,null,"*"],"Resource":"a*?:*b"}],"Statement":3}`,
		`[[[[[[[[[[]]]]]]]]]]`,
		`{"Statement":[{"Action":"*","Resource":"*","Principal":{"AWS":{}}}]} x`,
	} {
		f.Add(seed)
	}
	reqs := []Request{
		getLayer, getToken, batchImage,
		{Action: "", Resource: ""},
		{Action: "*", Resource: "*", Principal: "*"},
	}
	f.Fuzz(func(t *testing.T, doc string) {
		p, err := Parse(doc)
		if err != nil {
			if p != nil {
				t.Fatalf("Parse returned a policy with error %v", err)
			}
			return
		}
		if p == nil {
			t.Fatal("Parse returned neither policy nor error")
		}
		for _, r := range reqs {
			if d := p.Decide(r); d < Unknown || d > ExplicitDeny {
				t.Fatalf("Decide(%+v) = %d", r, int(d))
			}
		}
		// Patterns from the document are also tried as requests, so
		// wildcards meet wildcards.
		for _, s := range p.Statements[:min(len(p.Statements), 4)] {
			for _, a := range s.Actions[:min(len(s.Actions), 4)] {
				for _, r := range s.Resources[:min(len(s.Resources), 4)] {
					_ = p.Decide(Request{Action: a, Resource: r, Principal: r})
				}
			}
		}
	})
}
