package iampolicy

import (
	"errors"
	"fmt"
)

// errNotPolicy is returned for a value that has no policy shape at all.
var errNotPolicy = errors.New("not a policy document: want an object with a Statement object or array")

// undecidable is a statement standing for statements that could not be read
// at all; it might cover any request, as either effect.
func undecidable() Statement { return Statement{Undecidable: true} }

// unreadablePolicy is what a wholly unknown document is: it may say anything.
func unreadablePolicy() *Policy { return &Policy{Statements: []Statement{undecidable()}} }

// policyFromNode turns a document tree into a Policy. Only a tree that cannot
// be a policy (not an object, no Statement, a statement that is not an object)
// is an error; anything else IAM might reject or read differently makes the
// statements concerned Undecidable.
func policyFromNode(root *node) (*Policy, error) {
	switch root.kind {
	case kUnknown:
		return unreadablePolicy(), nil
	case kObject:
	default:
		return nil, errNotPolicy
	}
	p := &Policy{}
	// suspect marks the whole document as doubtful: an unrecognised top-level
	// element, a repeated one, a Version IAM does not know.
	suspect := len(root.dups) > 0
	var stmts *node
	for i, key := range root.keys {
		v := root.vals[i]
		switch key {
		case "Version":
			switch {
			case v.kind == kString && (v.str == "2012-10-17" || v.str == "2008-10-17"):
				p.Version = v.str
			case v.kind == kUnknown:
			default:
				suspect = true
			}
		case "Id":
			if v.kind != kString && v.kind != kUnknown {
				suspect = true
			}
		case "Statement":
			stmts = v
		default:
			suspect = true
		}
	}
	if stmts == nil {
		return nil, errNotPolicy
	}
	switch stmts.kind {
	case kUnknown:
		p.Statements = append(p.Statements, undecidable())
	case kObject:
		p.Statements = append(p.Statements, statementFromNode(stmts))
	case kArray:
		for i, e := range stmts.elems {
			switch e.kind {
			case kObject:
				p.Statements = append(p.Statements, statementFromNode(e))
			case kUnknown:
				p.Statements = append(p.Statements, undecidable())
			default:
				return nil, fmt.Errorf("statement %d is not an object", i)
			}
		}
	default:
		return nil, errNotPolicy
	}
	if suspect {
		for i := range p.Statements {
			p.Statements[i].Undecidable = true
		}
		// A repeated Statement key may have hidden statements; stand in for them.
		p.Statements = append(p.Statements, undecidable())
	}
	return p, nil
}

// statementFromNode reads one statement object.
func statementFromNode(n *node) Statement {
	var s Statement
	bad := len(n.dups) > 0
	var hasEffect, hasAction, hasNotAction, hasResource, hasNotResource bool
	for i, key := range n.keys {
		v := n.vals[i]
		ok := true
		switch key {
		case "Sid":
			switch v.kind {
			case kString:
				s.Sid = v.str
			case kUnknown:
			default:
				ok = false
			}
		case "Effect":
			hasEffect = true
			if v.kind == kString {
				s.Effect = v.str
			}
			ok = s.Effect == "Allow" || s.Effect == "Deny"
		case "Action":
			hasAction = true
			s.Actions, ok = stringList(v)
		case "NotAction":
			hasNotAction = true
			s.NotActions, ok = stringList(v)
		case "Resource":
			hasResource = true
			s.Resources, ok = stringList(v)
		case "NotResource":
			hasNotResource = true
			s.NotResources, ok = stringList(v)
		case "Principal":
			s.Principals, ok = principals(v)
		case "NotPrincipal":
			s.NotPrincipals, ok = principals(v)
		case "Condition":
			// Never evaluated, so its content does not matter: the statement
			// is uncertain either way.
			s.HasCondition = true
		default:
			ok = false
		}
		if !ok {
			bad = true
		}
	}
	if n.dups["Effect"] {
		s.Effect = "" // which one IAM would take is not ours to guess
	}
	if !hasEffect || hasAction == hasNotAction || hasResource == hasNotResource ||
		(s.Principals != nil && s.NotPrincipals != nil) {
		bad = true
	}
	s.Undecidable = bad
	return s
}

// stringList reads an element that is a string or a non-empty array of
// strings. It returns the strings it could read, and false if anything else
// was there (an unknown, a null, another type, an empty array).
func stringList(n *node) ([]string, bool) {
	switch n.kind {
	case kString:
		return []string{n.str}, true
	case kArray:
		out := make([]string, 0, len(n.elems))
		ok := len(n.elems) > 0
		for _, e := range n.elems {
			if e.kind == kString {
				out = append(out, e.str)
			} else {
				ok = false
			}
		}
		return out, ok
	}
	return nil, false
}

// principals reads a Principal or NotPrincipal element: "*" or an object of
// principal types. It always returns a non-nil value, so the element's
// presence is kept even when its content is unreadable.
func principals(n *node) (*Principals, bool) {
	p := &Principals{}
	switch n.kind {
	case kString:
		p.Wildcard = n.str == "*"
		return p, p.Wildcard
	case kObject:
		ok := len(n.keys) > 0 && len(n.dups) == 0
		for i, typ := range n.keys {
			ids, good := stringList(n.vals[i])
			if !good {
				ok = false
			}
			if p.ByType == nil {
				p.ByType = map[string][]string{}
			}
			p.ByType[typ] = ids
		}
		return p, ok
	}
	return p, false
}
