package metrics

import (
	"maps"
	"slices"
	"time"
)

// Table holds contributions by column rather than as a []Contribution: wiki
// domains and usernames are stored once each and referred to by number,
// titles share one block of bytes, and nothing else holds a pointer. A
// million contributions take about 70 MB instead of 112 MB, and the garbage
// collector has nothing in them to scan. Compute reads a Table; Rows and At
// give the contributions back as values, unchanged.
//
// The zero Table is empty and ready to use. A Table is not safe for
// concurrent writes.
type Table struct {
	wikis, users dict
	wiki, user   []uint32
	rev, page    []int64
	ns, size     []int
	sec          []int64 // unix seconds
	nsec         []int32 // nanoseconds; nil while every timestamp is whole seconds
	flags        []uint8
	titles       []byte  // every title, one after the other
	titleEnd     []int64 // end of row i's title in titles
	gen          uint64  // counts the changes
	alloc        Alloc
}

// Alloc makes the memory of a Table's columns, make([]T, n, c) for each
// type of column: a caller that wants that memory advised to the kernel
// gives its own (dataset, reading contributions.csv, asks for huge pages).
// A nil function, as in the zero Alloc, is make. The memory must be
// zeroed, held by nobody else, and hold n elements of capacity c.
type Alloc struct {
	Uint32s func(n, c int) []uint32
	Int64s  func(n, c int) []int64
	Ints    func(n, c int) []int
	Bytes   func(n, c int) []byte
}

const (
	flagNew uint8 = 1 << iota
	flagNoSizeDiff
)

// dict numbers distinct strings in order of first appearance.
type dict struct {
	names   []string
	ids     map[string]uint32
	last    uint32 // the last id idBytes returned, when hasLast
	hasLast bool
}

// id returns the number of s, adding it when new.
func (d *dict) id(s string) uint32 {
	if id, ok := d.ids[s]; ok {
		return id
	}
	if d.ids == nil {
		d.ids = map[string]uint32{}
	}
	id := uint32(len(d.names))
	d.names = append(d.names, s)
	d.ids[s] = id
	return id
}

// clone returns a copy that can grow on its own.
func (d dict) clone() dict {
	c := dict{names: slices.Clone(d.names), ids: make(map[string]uint32, len(d.ids))}
	maps.Copy(c.ids, d.ids)
	return c
}

// idBytes is id for a name held in bytes; the bytes are copied only when
// the name is new.
// Rows come grouped by user and wiki: the last name added or found is
// checked first.
func (d *dict) idBytes(b []byte) uint32 {
	if d.hasLast && d.names[d.last] == string(b) {
		return d.last
	}
	id, ok := d.ids[string(b)]
	if !ok {
		id = d.id(string(b))
	}
	d.last, d.hasLast = id, true
	return id
}

// NewTable returns an empty table with room for n contributions.
func NewTable(n int) *Table { return NewTableAlloc(n, Alloc{}) }

// NewTableAlloc returns an empty table with room for n contributions,
// whose columns take their memory from a, now and whenever they grow.
func NewTableAlloc(n int, a Alloc) *Table {
	t := &Table{alloc: a}
	t.grow(n, 0)
	return t
}

// TableOf returns the contributions as a table.
func TableOf(cs []Contribution) *Table {
	t := NewTable(len(cs))
	for i := range cs {
		t.Append(cs[i])
	}
	return t
}

// grow makes room for n more rows and titles more title bytes.
func (t *Table) grow(n, titles int) {
	a := t.alloc
	t.wiki = growTo(t.wiki, n, a.Uint32s)
	t.user = growTo(t.user, n, a.Uint32s)
	t.rev = growTo(t.rev, n, a.Int64s)
	t.page = growTo(t.page, n, a.Int64s)
	t.ns = growTo(t.ns, n, a.Ints)
	t.size = growTo(t.size, n, a.Ints)
	t.sec = growTo(t.sec, n, a.Int64s)
	if t.nsec != nil {
		t.nsec = growTo(t.nsec, n, nil)
	}
	t.flags = growTo(t.flags, n, a.Bytes)
	t.titleEnd = growTo(t.titleEnd, n, a.Int64s)
	t.titles = growTo(t.titles, titles, a.Bytes)
}

// growTo returns s with capacity for n more elements, at least doubling
// when it must move, in memory from mk (nil: make).
func growTo[T any](s []T, n int, mk func(n, c int) []T) []T {
	if cap(s)-len(s) >= n {
		return s
	}
	c := max(len(s)+n, 2*cap(s))
	var ns []T
	if mk != nil {
		ns = mk(len(s), c)
	} else {
		ns = make([]T, len(s), c)
	}
	copy(ns, s)
	return ns
}

// TitleBytes returns the length of every title together.
func (t *Table) TitleBytes() int { return len(t.titles) }

// Grow makes room for n more contributions with titles of titleBytes
// bytes in all, so that appending them moves nothing.
func (t *Table) Grow(n, titleBytes int) { t.grow(max(n, 0), max(titleBytes, 0)) }

// Len returns the number of contributions.
func (t *Table) Len() int {
	if t == nil {
		return 0
	}
	return len(t.rev)
}

// Append adds a contribution at the end.
func (t *Table) Append(c Contribution) {
	t.appendRow(t.wikis.id(c.Wiki), t.users.id(c.Username), c)
	t.titles = append(t.titles, c.Title...)
	t.titleEnd = append(t.titleEnd, int64(len(t.titles)))
}

// appendRow appends every column of c but the title, with the wiki and user
// already numbered.
func (t *Table) appendRow(wiki, user uint32, c Contribution) {
	t.gen++
	t.wiki = append(t.wiki, wiki)
	t.user = append(t.user, user)
	t.rev = append(t.rev, c.RevID)
	t.page = append(t.page, c.PageID)
	t.ns = append(t.ns, c.NS)
	t.size = append(t.size, c.SizeDiff)
	t.setTime(len(t.sec), c.Timestamp)
	var f uint8
	if c.New {
		f |= flagNew
	}
	if c.NoSizeDiff {
		f |= flagNoSizeDiff
	}
	t.flags = append(t.flags, f)
}

// setTime stores ts as row i's timestamp; i is at most the number of rows
// with a timestamp.
func (t *Table) setTime(i int, ts time.Time) {
	sec, nsec := ts.Unix(), int32(ts.Nanosecond())
	if nsec != 0 && t.nsec == nil {
		t.nsec = make([]int32, len(t.sec), cap(t.sec))
	}
	if i == len(t.sec) {
		t.sec = append(t.sec, sec)
		if t.nsec != nil {
			t.nsec = append(t.nsec, nsec)
		}
		return
	}
	t.sec[i] = sec
	if t.nsec != nil {
		t.nsec[i] = nsec
	}
}

// At returns contribution i.
func (t *Table) At(i int) Contribution {
	f := t.flags[i]
	return Contribution{
		Wiki: t.Wiki(i), Username: t.Username(i), RevID: t.rev[i], PageID: t.page[i], NS: t.ns[i],
		Title: t.Title(i), Timestamp: t.Timestamp(i), SizeDiff: t.size[i],
		New: f&flagNew != 0, NoSizeDiff: f&flagNoSizeDiff != 0,
	}
}

// Rows returns every contribution, in order.
func (t *Table) Rows() []Contribution {
	if t.Len() == 0 {
		return nil
	}
	out := make([]Contribution, t.Len())
	for i := range out {
		out[i] = t.At(i)
	}
	return out
}

// Wiki returns the wiki of contribution i.
func (t *Table) Wiki(i int) string { return t.wikis.names[t.wiki[i]] }

// Username returns the author of contribution i.
func (t *Table) Username(i int) string { return t.users.names[t.user[i]] }

// RevID returns the revision id of contribution i.
func (t *Table) RevID(i int) int64 { return t.rev[i] }

// PageID returns the page id of contribution i.
func (t *Table) PageID(i int) int64 { return t.page[i] }

// NS returns the namespace of contribution i.
func (t *Table) NS(i int) int { return t.ns[i] }

// Unix returns the time of contribution i in unix seconds.
func (t *Table) Unix(i int) int64 { return t.sec[i] }

// Timestamp returns the time of contribution i, in UTC.
func (t *Table) Timestamp(i int) time.Time {
	var nsec int64
	if t.nsec != nil {
		nsec = int64(t.nsec[i])
	}
	return time.Unix(t.sec[i], nsec).UTC()
}

// SizeDiff returns the sizediff of contribution i, and false when the API
// gave none (Contribution.NoSizeDiff).
func (t *Table) SizeDiff(i int) (int, bool) {
	return t.size[i], t.flags[i]&flagNoSizeDiff == 0
}

// New reports whether contribution i created its page.
func (t *Table) New(i int) bool { return t.flags[i]&flagNew != 0 }

// Title returns the title of contribution i, a copy of the table's bytes.
// Where the string does not outlive the call (writing contributions.csv)
// and is short, the compiler keeps the copy off the heap: writing
// 1,000,000 rows makes 12 allocations either way.
func (t *Table) Title(i int) string { return string(t.titleBytes(i)) }

// titleBytes returns the bytes of contribution i's title, shared with the
// table.
func (t *Table) titleBytes(i int) []byte {
	start := int64(0)
	if i > 0 {
		start = t.titleEnd[i-1]
	}
	return t.titles[start:t.titleEnd[i]]
}

// WikiID returns the number of contribution i's wiki in Wikis.
func (t *Table) WikiID(i int) uint32 { return t.wiki[i] }

// UserID returns the number of contribution i's author in Usernames.
func (t *Table) UserID(i int) uint32 { return t.user[i] }

// Wikis returns the distinct wikis, numbered as WikiID numbers them. It
// may hold wikis no row refers to any more.
func (t *Table) Wikis() []string { return t.wikis.names }

// Usernames returns the distinct usernames, numbered as UserID numbers
// them. It may hold names no row refers to any more.
func (t *Table) Usernames() []string { return t.users.names }

// SetWiki changes the wiki of contribution i.
func (t *Table) SetWiki(i int, wiki string) { t.wiki[i] = t.wikis.id(wiki); t.gen++ }

// SetUsername changes the author of contribution i.
func (t *Table) SetUsername(i int, user string) { t.user[i] = t.users.id(user); t.gen++ }

// Generation returns a number that changes whenever a contribution is
// added or changed: equal generations of one table mean equal rows.
func (t *Table) Generation() uint64 { return t.gen }

// Filter returns the contributions for which keep is true, in order: t
// itself when it keeps them all, else a new table (t is left unchanged).
func (t *Table) Filter(keep func(i int) bool) *Table {
	n := t.Len()
	first := 0
	for first < n && keep(first) {
		first++
	}
	if first == n {
		return t
	}
	out := &Table{wikis: t.wikis.clone(), users: t.users.clone(), alloc: t.alloc}
	out.grow(n, len(t.titles))
	for i := range n {
		if i < first || i > first && keep(i) {
			out.copyRow(t, i)
		}
	}
	return out
}

// copyRow appends row i of o, whose wikis and users are numbered as t's.
func (t *Table) copyRow(o *Table, i int) {
	t.gen++
	t.wiki = append(t.wiki, o.wiki[i])
	t.user = append(t.user, o.user[i])
	t.rev = append(t.rev, o.rev[i])
	t.page = append(t.page, o.page[i])
	t.ns = append(t.ns, o.ns[i])
	t.size = append(t.size, o.size[i])
	t.setTime(len(t.sec), o.Timestamp(i))
	t.flags = append(t.flags, o.flags[i])
	t.titles = append(t.titles, o.titleBytes(i)...)
	t.titleEnd = append(t.titleEnd, int64(len(t.titles)))
}

// AppendTable adds every contribution of o at the end.
func (t *Table) AppendTable(o *Table) {
	n := o.Len()
	if n == 0 {
		return
	}
	t.gen++
	t.grow(n, len(o.titles))
	t.wiki = appendMapped(t.wiki, o.wiki, remap(&t.wikis, o.wikis.names))
	t.user = appendMapped(t.user, o.user, remap(&t.users, o.users.names))
	t.rev = append(t.rev, o.rev...)
	t.page = append(t.page, o.page...)
	t.ns = append(t.ns, o.ns...)
	t.size = append(t.size, o.size...)
	if o.nsec != nil && t.nsec == nil {
		t.nsec = make([]int32, len(t.sec), cap(t.sec))
	}
	if t.nsec != nil {
		if o.nsec != nil {
			t.nsec = append(t.nsec, o.nsec...)
		} else {
			t.nsec = append(t.nsec, make([]int32, n)...)
		}
	}
	t.sec = append(t.sec, o.sec...)
	t.flags = append(t.flags, o.flags...)
	base := int64(len(t.titles))
	for _, e := range o.titleEnd {
		t.titleEnd = append(t.titleEnd, base+e)
	}
	t.titles = append(t.titles, o.titles...)
}

// remap numbers names in d, returning the new number of each.
func remap(d *dict, names []string) []uint32 {
	ids := make([]uint32, len(names))
	for i, n := range names {
		ids[i] = d.id(n)
	}
	return ids
}

func appendMapped(dst, src, ids []uint32) []uint32 {
	for _, v := range src {
		dst = append(dst, ids[v])
	}
	return dst
}

// TableBuilder appends rows parsed from text, numbering wikis and users
// from their bytes (copied only when new) and copying titles straight into
// the table: the reader of contributions.csv uses it, one builder per
// chunk of the file, each appended to the whole with AppendTable.
type TableBuilder struct{ T *Table }

// Reset empties the builder's table for the next chunk, keeping its
// memory: call it only once the rows are copied elsewhere (AppendTable
// copies them).
func (b TableBuilder) Reset() {
	t := b.T
	t.gen++
	t.wiki, t.user, t.rev, t.page = t.wiki[:0], t.user[:0], t.rev[:0], t.page[:0]
	t.ns, t.size, t.sec, t.flags = t.ns[:0], t.size[:0], t.sec[:0], t.flags[:0]
	t.nsec = nil
	t.titles, t.titleEnd = t.titles[:0], t.titleEnd[:0]
	for _, d := range []*dict{&t.wikis, &t.users} {
		clear(d.names) // drop the references; the strings may live on in other tables
		d.names = d.names[:0]
		clear(d.ids)
		d.hasLast = false
	}
}

// Add appends a contribution whose wiki, user and title are given as bytes
// (the fields of c with those names are ignored).
func (b TableBuilder) Add(wiki, user, title []byte, c Contribution) {
	t := b.T
	t.appendRow(t.wikis.idBytes(wiki), t.users.idBytes(user), c)
	t.titles = append(t.titles, title...)
	t.titleEnd = append(t.titleEnd, int64(len(t.titles)))
}
