package iampolicy

// Decide says what the policy makes of req:
//
//   - ExplicitDeny when a Deny statement certainly covers it;
//   - otherwise Unknown when a Deny statement might cover it;
//   - otherwise Allowed when an Allow statement certainly covers it;
//   - otherwise Unknown when an Allow statement might cover it;
//   - otherwise ImplicitDeny.
//
// A statement certainly covers a request when its action, resource and
// principal elements all certainly match and it has no Condition. The
// principal element certainly matches when it is "*" or {"AWS": "*"}, or when
// it lists req.Principal under "AWS"; any other Principal, and any
// NotPrincipal, leaves the statement uncertain. A statement without a Principal
// (which endpoint policies are meant to have) counts as covering everyone when
// it allows and as uncertain when it denies, so that such a document never
// yields a deny on its own. Undecidable statements might cover anything. A nil
// policy decides nothing.
func (p *Policy) Decide(req Request) Decision {
	if p == nil {
		return Unknown
	}
	allow, deny := no, no
	for i := range p.Statements {
		a, d := p.Statements[i].covers(req)
		allow, deny = or(allow, a), or(deny, d)
	}
	switch {
	case deny == yes:
		return ExplicitDeny
	case deny == maybe:
		return Unknown
	case allow == yes:
		return Allowed
	case allow == maybe:
		return Unknown
	}
	return ImplicitDeny
}

// covers says how far the statement allows and how far it denies req.
func (s *Statement) covers(req Request) (allow, deny tri) {
	isAllow, isDeny := s.Effect == "Allow", s.Effect == "Deny"
	if !isAllow && !isDeny {
		// An unreadable effect could be either.
		return s.cap(maybe, req, false), s.cap(maybe, req, true)
	}
	if s.Undecidable {
		if isAllow {
			return maybe, no
		}
		return no, maybe
	}
	if isAllow {
		return s.cap(yes, req, false), no
	}
	return no, s.cap(yes, req, true)
}

// cap evaluates the statement against req, as a Deny when deny is set, and
// caps the answer at limit.
func (s *Statement) cap(limit tri, req Request, deny bool) tri {
	if s.Undecidable {
		return min(limit, maybe)
	}
	m := and(limit, s.actionMatch(req.Action))
	m = and(m, s.resourceMatch(req.Resource))
	m = and(m, s.principalMatch(req.Principal, deny))
	if s.HasCondition {
		m = and(m, maybe)
	}
	return m
}

func (s *Statement) actionMatch(action string) tri {
	switch {
	case len(s.Actions) > 0 && len(s.NotActions) == 0:
		for _, p := range s.Actions {
			if matchAction(p, action) {
				return yes
			}
		}
		return no
	case len(s.NotActions) > 0 && len(s.Actions) == 0:
		for _, p := range s.NotActions {
			if matchAction(p, action) {
				return no
			}
		}
		return yes
	}
	return maybe // neither or both: not a statement IAM would accept
}

func (s *Statement) resourceMatch(resource string) tri {
	switch {
	case len(s.Resources) > 0 && len(s.NotResources) == 0:
		m := no
		for _, p := range s.Resources {
			m = or(m, matchResource(p, resource))
		}
		return m
	case len(s.NotResources) > 0 && len(s.Resources) == 0:
		m := no
		for _, p := range s.NotResources {
			m = or(m, matchResource(p, resource))
		}
		return yes - m // yes<->no, maybe stays
	}
	return maybe
}

func (s *Statement) principalMatch(principal string, deny bool) tri {
	switch {
	case s.Principals == nil && s.NotPrincipals == nil:
		if deny {
			return maybe
		}
		return yes
	case s.Principals != nil && s.NotPrincipals == nil:
		if s.Principals.Everyone() {
			return yes
		}
		if principal != "" {
			for _, id := range s.Principals.ByType["AWS"] {
				if id == principal {
					return yes
				}
			}
		}
		return maybe
	}
	// NotPrincipal excludes principals in ways (role versus session, account
	// versus its members) the document alone does not settle.
	return maybe
}
