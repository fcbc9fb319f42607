package model

// referrerKey names an index of resources of one type by the resource an attribute of
// theirs references.
type referrerKey struct{ typ, attr string }

// referrerIndex lists, per referenced address, the resources that reference it; complete
// is false when some resource's reference cannot be resolved, so it may reference any.
type referrerIndex struct {
	by       map[string][]*Resource
	complete bool
}

// referrers returns, for resources of type typ, which resource of targets their attribute
// attr references, built once per module so rules do not rescan every resource for each
// question.
func (m *Config) referrers(typ, attr string, targets ...string) referrerIndex {
	key := referrerKey{typ, attr}
	if idx, ok := m.indexes[key]; ok {
		return idx
	}
	idx := referrerIndex{by: map[string][]*Resource{}, complete: !m.MayHaveUnknown(typ)}
	for _, r := range m.byType[typ] {
		a := r.Attr(attr)
		target := m.Resolve(a, targets...)
		if target == nil {
			if a != nil && m.Set(a) {
				idx.complete = false
			}
			continue
		}
		addr := target[0].Address()
		idx.by[addr] = append(idx.by[addr], r)
	}
	m.indexes[key] = idx
	return idx
}
