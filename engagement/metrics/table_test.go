package metrics

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// randomContributions draws contributions with repeated wikis, users and
// titles, empty titles, negative and unknown sizes, and (when nanos) some
// timestamps with nanoseconds.
func randomContributions(r *rand.Rand, n int, nanos bool) []Contribution {
	wikis := []string{"en.wikipedia.org", "fr.wikipedia.org", "commons.wikimedia.org"}
	users := []string{"Ada", "Bea Ñ", "Cy", "D"}
	titles := []string{"", "Page", "Talk:Page", "Ünïcode title", "User:Ada/sandbox"}
	out := make([]Contribution, n)
	for i := range out {
		ts := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(1e6)) * time.Second)
		if nanos && r.IntN(3) == 0 {
			ts = ts.Add(time.Duration(r.IntN(1e9)))
		}
		c := Contribution{Wiki: wikis[r.IntN(len(wikis))], Username: users[r.IntN(len(users))], RevID: r.Int64N(1e9) - 10,
			PageID: r.Int64N(1e6), NS: r.IntN(20) - 2, Title: titles[r.IntN(len(titles))], Timestamp: ts,
			SizeDiff: r.IntN(2000) - 1000, New: r.IntN(2) == 0}
		if r.IntN(5) == 0 {
			c.SizeDiff, c.NoSizeDiff = 0, true
		}
		out[i] = c
	}
	return out
}

// A table gives back exactly the contributions it was given, row by row,
// after appending tables and after filtering.
func TestTableRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for it := range 300 {
		cs := randomContributions(r, r.IntN(40), it%2 == 0)
		tab := TableOf(cs)
		if tab.Len() != len(cs) {
			t.Fatalf("Len %d, want %d", tab.Len(), len(cs))
		}
		if got := tab.Rows(); len(cs) > 0 && !reflect.DeepEqual(got, cs) {
			t.Fatalf("Rows\n%v\nwant\n%v", got, cs)
		}
		for i, c := range cs {
			size, known := tab.SizeDiff(i)
			if tab.Wiki(i) != c.Wiki || tab.Username(i) != c.Username || tab.Title(i) != c.Title || tab.Unix(i) != c.Timestamp.Unix() ||
				known == c.NoSizeDiff || known && size != c.SizeDiff || tab.New(i) != c.New || tab.Usernames()[tab.UserID(i)] != c.Username {
				t.Fatalf("row %d: accessors disagree with %+v", i, c)
			}
		}
		// Split anywhere, appended back together: the same rows.
		cut := 0
		if len(cs) > 0 {
			cut = r.IntN(len(cs) + 1)
		}
		joined := TableOf(cs[:cut])
		joined.AppendTable(TableOf(cs[cut:]))
		if got := joined.Rows(); len(cs) > 0 && !reflect.DeepEqual(got, cs) {
			t.Fatalf("appended at %d\n%v\nwant\n%v", cut, got, cs)
		}
		// Filter keeps the rows asked for, in order, and leaves t alone.
		var want []Contribution
		keep := make([]bool, len(cs))
		for i := range cs {
			if keep[i] = r.IntN(3) > 0; keep[i] {
				want = append(want, cs[i])
			}
		}
		f := tab.Filter(func(i int) bool { return keep[i] })
		if got := f.Rows(); !reflect.DeepEqual(got, want) {
			t.Fatalf("filtered\n%v\nwant\n%v", got, want)
		}
		if f != tab && f.Len() > 0 { // a table that keeps every row is t itself
			f.SetUsername(0, "Renamed")
		}
		if got := tab.Rows(); len(cs) > 0 && !reflect.DeepEqual(got, cs) {
			t.Fatal("filtering or renaming in the copy changed the original")
		}
	}
}

// Times in another zone are kept as the same instant, in UTC.
func TestTableTimestampUTC(t *testing.T) {
	loc := time.FixedZone("X", 3600)
	ts := time.Date(2021, 3, 5, 11, 0, 0, 5, loc)
	tab := TableOf([]Contribution{{Wiki: "w", Username: "u", Timestamp: ts}})
	if got := tab.Timestamp(0); !got.Equal(ts) || got.Location() != time.UTC {
		t.Fatalf("Timestamp = %v, want %v in UTC", got, ts)
	}
}

// Changing a row's wiki or user changes that row only.
func TestTableSet(t *testing.T) {
	tab := TableOf([]Contribution{{Wiki: "EN.wikipedia.org", Username: "ada"}, {Wiki: "EN.wikipedia.org", Username: "ada"}})
	tab.SetWiki(0, "en.wikipedia.org")
	tab.SetUsername(1, "Ada")
	got := fmt.Sprint(tab.Wiki(0), "|", tab.Username(0), "|", tab.Wiki(1), "|", tab.Username(1))
	if got != "en.wikipedia.org|ada|EN.wikipedia.org|Ada" {
		t.Fatal(got)
	}
}

func ExampleTable() {
	t := TableOf([]Contribution{
		{Wiki: "en.wikipedia.org", Username: "Ada", RevID: 10, Title: "Ada Lovelace", Timestamp: time.Date(2021, 3, 5, 10, 0, 0, 0, time.UTC), SizeDiff: 120, New: true},
		{Wiki: "en.wikipedia.org", Username: "Ada", RevID: 11, Title: "Ada Lovelace", Timestamp: time.Date(2021, 3, 6, 9, 30, 0, 0, time.UTC), NoSizeDiff: true},
	})
	for i := range t.Len() {
		size, known := t.SizeDiff(i)
		fmt.Println(t.Username(i), t.RevID(i), t.Title(i), t.Timestamp(i).Format(time.DateOnly), size, known)
	}
	fmt.Println(len(t.Usernames()), "distinct user")
	// Output:
	// Ada 10 Ada Lovelace 2021-03-05 120 true
	// Ada 11 Ada Lovelace 2021-03-06 0 false
	// 1 distinct user
}

// A table made with NewTableAlloc takes every column's memory from the
// caller's Alloc, when made and when it grows (and its filtered copies
// too), and holds the same rows as one made with make.
func TestNewTableAllocTakesTheCallersMemory(t *testing.T) {
	calls := map[string]int{}
	a := Alloc{
		Uint32s: func(n, c int) []uint32 { calls["uint32"]++; return make([]uint32, n, c) },
		Int64s:  func(n, c int) []int64 { calls["int64"]++; return make([]int64, n, c) },
		Ints:    func(n, c int) []int { calls["int"]++; return make([]int, n, c) },
		Bytes:   func(n, c int) []byte { calls["byte"]++; return make([]byte, n, c) },
	}
	tab := NewTableAlloc(2, a)
	// wiki and user; rev, page, sec and titleEnd; ns and size; flags (no
	// title bytes asked for yet)
	want := map[string]int{"uint32": 2, "int64": 4, "int": 2, "byte": 1}
	if !reflect.DeepEqual(calls, want) {
		t.Fatalf("NewTableAlloc(2) allocated %v, want %v", calls, want)
	}
	var cs []Contribution
	for i := range 5 { // past the capacity of 2: every column grows once, and the titles
		cs = append(cs, Contribution{Wiki: "en.wikipedia.org", Username: fmt.Sprint("U", i%2), RevID: int64(i + 1), PageID: 7, Title: fmt.Sprint("T", i),
			Timestamp: time.Date(2021, 3, 5, 10, i, 0, 0, time.UTC), SizeDiff: i - 2, New: i == 0})
	}
	tab.Grow(len(cs), 10)
	for _, c := range cs {
		tab.Append(c)
	}
	want = map[string]int{"uint32": 4, "int64": 8, "int": 4, "byte": 3}
	if !reflect.DeepEqual(calls, want) {
		t.Fatalf("after growing: %v, want %v", calls, want)
	}
	if got := tab.Rows(); !reflect.DeepEqual(got, TableOf(cs).Rows()) {
		t.Fatalf("rows = %+v, want %+v", got, cs)
	}
	f := tab.Filter(func(i int) bool { return i%2 == 0 })
	if calls["int64"] != 12 || f.Len() != 3 || f.Title(2) != "T4" {
		t.Fatalf("Filter: %v calls, %d rows, last title %q; want its columns from the Alloc, 3 rows, T4", calls, f.Len(), f.Title(2))
	}
}
