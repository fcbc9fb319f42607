package iampolicy

import "fmt"

// Parse reads the JSON text of a policy document. The top level must be an
// object whose Statement is one statement object or an array of them; Action,
// NotAction, Resource and NotResource may each be a string or an array of
// strings, and Principal "*" or an object of principal types.
//
// Parse fails only on text that is not JSON or not shaped like a policy.
// Statements IAM might refuse or read differently (a missing Effect, both
// Action and NotAction, an unrecognised element, a key given twice, a wrongly
// typed value) are kept and marked Undecidable, as is every statement when the
// top level has such a problem or an unrecognised Version.
func Parse(doc string) (*Policy, error) {
	n, err := parseJSON(doc)
	if err != nil {
		return nil, fmt.Errorf("iampolicy: %w", err)
	}
	p, err := policyFromNode(n)
	if err != nil {
		return nil, fmt.Errorf("iampolicy: %w", err)
	}
	return p, nil
}
