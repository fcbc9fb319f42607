package config

// referrerKey names an index of resources of one type by the resource an attribute of
// theirs references.
type referrerKey struct{ typ, attr string }

// Referrers lists, per referenced address, the resources that reference it.
type Referrers struct {
	// By maps the address of a referenced resource to the resources referencing it.
	By map[string][]*Resource
	// Complete is false when some resource's reference cannot be resolved, or some
	// resource of the type may exist unseen: it may reference any.
	Complete bool
}

// Referrers returns, for resources of type typ, which resource of targets their attribute
// attr references, built once per configuration so callers do not rescan every resource
// for each question.
func (m *Config) Referrers(typ, attr string, targets ...string) Referrers {
	key := referrerKey{typ, attr}
	if idx, ok := m.indexes[key]; ok {
		return idx
	}
	idx := Referrers{By: map[string][]*Resource{}, Complete: !m.MayHaveUnknown(typ)}
	for _, r := range m.byType[typ] {
		a := r.Attr(attr)
		target := m.Resolve(a, targets...)
		if target == nil {
			if a != nil && m.Set(a) {
				idx.Complete = false
			}
			continue
		}
		addr := target[0].Address()
		idx.By[addr] = append(idx.By[addr], r)
	}
	m.indexes[key] = idx
	return idx
}

// OfType returns the instances of resources of type typ in every module, in source
// order.
func (m *Config) OfType(typ string) []*Resource {
	return m.byType[typ]
}

// ByAddress returns the instances of the resource at address (type.name, after the
// module path in a called module).
func (m *Config) ByAddress(address string) []*Resource {
	return m.byAddress[address]
}

// DeclaredType returns the type of the resource block at address, "" when the
// configuration has no such block it reads; the block may have no instance.
func (m *Config) DeclaredType(address string) string {
	if rb := m.blocks[address]; rb != nil {
		return rb.typ
	}
	return ""
}
