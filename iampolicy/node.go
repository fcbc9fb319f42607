package iampolicy

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// kind is the shape of one value of a document, whether it came from JSON
// text or from a cty value.
type kind int

const (
	kUnknown kind = iota // a value Terraform does not know yet
	kNull
	kString
	kArray
	kObject
	kOther // number, bool, or anything else IAM has no use for here
)

// node is one value of a document. Objects keep their keys in order and note
// whether a key was repeated, which JSON text allows and IAM may read either
// way.
type node struct {
	kind  kind
	str   string
	elems []*node        // kArray
	keys  []string       // kObject, in order
	vals  []*node        // kObject, parallel to keys
	index map[string]int // kObject: key -> position
	dups  map[string]bool
}

// maxDepth bounds nesting in JSON text; no policy comes near it.
const maxDepth = 256

// parseJSON reads doc as exactly one JSON value.
func parseJSON(doc string) (*node, error) {
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	n, err := readNode(dec, 0)
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("empty document")
		}
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			return nil, errors.New("data after the policy document")
		}
		return nil, err
	}
	return n, nil
}

func readNode(dec *json.Decoder, depth int) (*node, error) {
	if depth > maxDepth {
		return nil, errors.New("document nested too deeply")
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &node{kind: kObject}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, ok := kt.(string)
				if !ok {
					return nil, fmt.Errorf("object key %v is not a string", kt)
				}
				v, err := readNode(dec, depth+1)
				if err != nil {
					return nil, err
				}
				n.add(key, v)
			}
			if _, err := dec.Token(); err != nil { // '}'
				return nil, err
			}
			return n, nil
		case '[':
			n := &node{kind: kArray}
			for dec.More() {
				v, err := readNode(dec, depth+1)
				if err != nil {
					return nil, err
				}
				n.elems = append(n.elems, v)
			}
			if _, err := dec.Token(); err != nil { // ']'
				return nil, err
			}
			return n, nil
		}
		return nil, fmt.Errorf("unexpected %v", t)
	case string:
		return &node{kind: kString, str: t}, nil
	case nil:
		return &node{kind: kNull}, nil
	}
	return &node{kind: kOther}, nil
}

// add appends key and v to an object node. A repeated key is recorded and
// its last value kept.
func (n *node) add(key string, v *node) {
	if i, ok := n.index[key]; ok {
		if n.dups == nil {
			n.dups = map[string]bool{}
		}
		n.dups[key] = true
		n.vals[i] = v
		return
	}
	if n.index == nil {
		n.index = map[string]int{}
	}
	n.index[key] = len(n.keys)
	n.keys = append(n.keys, key)
	n.vals = append(n.vals, v)
}
