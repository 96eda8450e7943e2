package metrics

import "iter"

// byPage maps pages to values with one map per wiki (indexed by
// Table.WikiID), keyed by page id: a page id alone hashes faster than a
// (wiki, page) pair, and the per-participant pass looks up every edit.
type byPage[V any] []map[int64]V

// get returns the value of page k.
func (m byPage[V]) get(k pageKey) (V, bool) {
	if int(k.wiki) >= len(m) {
		var zero V
		return zero, false
	}
	v, ok := m[k.wiki][k.page]
	return v, ok
}

// set sets the value of page k.
func (m *byPage[V]) set(k pageKey, v V) {
	for int(k.wiki) >= len(*m) {
		*m = append(*m, nil)
	}
	if (*m)[k.wiki] == nil {
		(*m)[k.wiki] = map[int64]V{}
	}
	(*m)[k.wiki][k.page] = v
}

// len returns the number of pages.
func (m byPage[V]) len() int {
	n := 0
	for _, pages := range m {
		n += len(pages)
	}
	return n
}

// all yields every page and its value, wiki by wiki.
func (m byPage[V]) all() iter.Seq2[pageKey, V] {
	return func(yield func(pageKey, V) bool) {
		for w, pages := range m {
			for p, v := range pages {
				if !yield(pageKey{uint32(w), p}, v) {
					return
				}
			}
		}
	}
}

// wnCache remembers the last aggregates per wiki, namespace and period
// found in byWN, in slots picked by a cheap mix of the three: an event has
// a few dozen such combinations, and every edit looks one up.
type wnCache [256]struct {
	key wnKey
	agg *wnAgg
}

func (c *wnCache) slot(k wnKey) int {
	return int((k.wiki*31 + uint32(k.ns)*7 + uint32(len(k.period))) & 255)
}
