package iampolicy

// Decision is what a policy says of one request.
type Decision int

const (
	// Unknown means the document does not settle the request: some statement
	// that could change the outcome depends on something the document does not
	// say (a condition, a named principal, a policy variable, an unknown value).
	Unknown Decision = iota
	// Allowed means an Allow statement certainly covers the request and no Deny
	// statement could cover it.
	Allowed
	// ImplicitDeny means no statement could cover the request: it is refused by
	// default.
	ImplicitDeny
	// ExplicitDeny means a Deny statement certainly covers the request.
	ExplicitDeny
)

// String names the decision as the constant does.
func (d Decision) String() string {
	switch d {
	case Allowed:
		return "Allowed"
	case ImplicitDeny:
		return "ImplicitDeny"
	case ExplicitDeny:
		return "ExplicitDeny"
	default:
		return "Unknown"
	}
}

// Policy is a policy document: its statements in document order.
type Policy struct {
	// Version is the document's Version element, "" when absent or unknown.
	Version string
	// Statements holds one entry per statement of the document.
	Statements []Statement
}

// Statement is one element of a policy's Statement list.
type Statement struct {
	// Sid is the statement's Sid, "" when absent.
	Sid string
	// Effect is "Allow" or "Deny" as written; "" when absent or unknown.
	Effect string
	// Actions and NotActions hold the Action or NotAction patterns. At most
	// one of the two is set in a well-formed statement.
	Actions, NotActions []string
	// Resources and NotResources hold the Resource or NotResource patterns.
	Resources, NotResources []string
	// Principals is the Principal element; nil when the statement has none.
	Principals *Principals
	// NotPrincipals is the NotPrincipal element; nil when the statement has none.
	NotPrincipals *Principals
	// HasCondition is true when the statement has a Condition element, whatever
	// it holds: conditions are never evaluated.
	HasCondition bool
	// Undecidable is true when part of the statement could not be read (a value
	// Terraform does not know yet, a wrongly typed or unrecognised element, a
	// repeated key). Such a statement may or may not apply to any request. The
	// known parts are still filled in, for reporting.
	Undecidable bool
}

// Principals is the value of a Principal or NotPrincipal element.
type Principals struct {
	// Wildcard is true for the bare string "*", which means everyone.
	Wildcard bool
	// ByType maps a principal type ("AWS", "Service", "Federated",
	// "CanonicalUser") to the identifiers listed under it, in document order.
	ByType map[string][]string
}

// Everyone reports whether the element names every principal: "*" or an "AWS"
// entry of "*".
func (p *Principals) Everyone() bool {
	if p == nil {
		return false
	}
	if p.Wildcard {
		return true
	}
	for _, id := range p.ByType["AWS"] {
		if id == "*" {
			return true
		}
	}
	return false
}

// Request is the call whose fate is decided. Fields are literal values, not
// patterns.
type Request struct {
	// Action is the API action, "service:Name" (for example "s3:GetObject").
	Action string
	// Resource is the ARN the action is on, or "*" for actions that take no
	// resource (ecr:GetAuthorizationToken).
	Resource string
	// Principal is the caller's ARN as a policy would name it. "" stands for an
	// unnamed principal of the account, such as an ECS task role: then only
	// statements for every principal can be decided.
	Principal string
}
