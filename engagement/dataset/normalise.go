package dataset

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/username"
	"example.com/engagement/internal/hugealloc"
)

// Report lists what re-reading a folder changed, dropped or found outside
// the event, so that a re-analysis never changes numbers silently.
type Report []Normalisation

// Normalisation is one kind of change made to the rows of one file.
type Normalisation struct {
	File     string    // e.g. "contributions.csv"
	What     string    // e.g. "usernames made canonical"
	Count    int       // rows concerned
	Examples []Example // the first few
}

// Example is one row a Normalisation concerns.
type Example struct {
	Line   int    // line of the file where the row starts
	Detail string // e.g. `“Ada_Okafor” → “Ada Okafor”`
	// Usernames are the names Detail mentions (see Redacted).
	Usernames []string
	row       int // index of the row among the file's rows, until Line is known
}

// maxExamples bounds the examples kept per kind.
const maxExamples = 3

// Lines formats the report, one line per kind with its first examples as
// file:line; nil when nothing changed.
func (r Report) Lines() []string {
	var out []string
	for _, n := range r {
		ex := make([]string, len(n.Examples))
		for i, e := range n.Examples {
			ex[i] = fmt.Sprintf("%s:%d %s", n.File, e.Line, e.Detail)
		}
		out = append(out, fmt.Sprintf("%s: %d %s (%s)", n.File, n.Count, n.What, strings.Join(ex, "; ")))
	}
	return out
}

// String is Lines joined by newlines.
func (r Report) String() string { return strings.Join(r.Lines(), "\n") }

// Redacted returns a copy of r whose examples show name(u) instead of each
// username u they mention, for pseudonymised outputs.
func (r Report) Redacted(name func(username string) string) Report {
	out := make(Report, len(r))
	for i, n := range r {
		n.Examples = slices.Clone(n.Examples)
		for j, e := range n.Examples {
			names := slices.Clone(e.Usernames)
			slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) }) // longest first
			pairs := make([]string, 0, 2*len(names))
			for _, u := range names {
				pairs = append(pairs, "“"+u+"”", "“"+name(u)+"”")
			}
			e.Detail = strings.NewReplacer(pairs...).Replace(e.Detail)
			e.Usernames = nil
			n.Examples[j] = e
		}
		out[i] = n
	}
	return out
}

// note records one changed row of a kind: row is its index among the
// file's rows, detail what was found, names the usernames detail mentions.
func (r *Report) note(file, what string, row int, detail string, names ...string) {
	r.add(file, what, Example{Detail: detail, Usernames: names, row: row})
}

// add counts one more row of a kind, keeping ex if it is among the first.
func (r *Report) add(file, what string, ex Example) {
	for i := range *r {
		if n := &(*r)[i]; n.File == file && n.What == what {
			n.Count++
			if len(n.Examples) < maxExamples {
				n.Examples = append(n.Examples, ex)
			}
			return
		}
	}
	*r = append(*r, Normalisation{File: file, What: what, Count: 1, Examples: []Example{ex}})
}

// noteLine is note for a file whose rows' lines are known as they are
// read.
func (r *Report) noteLine(file, what string, line int, detail string) {
	r.add(file, what, Example{Line: line, Detail: detail, row: -1})
}

// placeExamples sets the line of every example, reading the files again
// only when there are examples to place.
func (r Report) placeExamples(dir string) error {
	for _, file := range []string{ContributionsFile, AccountsFile, IncompleteFile} {
		want := map[int]int{}
		for _, n := range r {
			for _, e := range n.Examples {
				if n.File == file {
					want[e.row] = 0
				}
			}
		}
		if len(want) == 0 {
			continue
		}
		if err := recordLines(filepath.Join(dir, file), want); err != nil {
			return err
		}
		for _, n := range r {
			for j := range n.Examples {
				if n.File == file {
					n.Examples[j].Line = want[n.Examples[j].row]
				}
			}
		}
	}
	return nil
}

// recordLines sets lines[i] to the line where the file's row i starts
// (rows counted from 0 after the header).
func recordLines(path string, lines map[int]int) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	lr := newLineReader(f)
	for row := -1; ; row++ {
		if _, err := lr.read(); err == io.EOF {
			return nil
		} else if err != nil {
			return fixFile(err, path)
		}
		if _, ok := lines[row]; ok {
			lines[row] = lr.line
		}
	}
}

// Scope is the event a folder is re-read for: rows outside it are kept
// (the metrics leave them out) and counted. An empty field checks nothing.
type Scope struct {
	Wikis        []string // the event's wikis as domains
	Participants []string // the participants' usernames
}

// scopeSets holds a Scope as sets of canonical values.
type scopeSets struct{ wikis, users map[string]bool }

func (sc Scope) sets() scopeSets {
	s := scopeSets{}
	if len(sc.Wikis) > 0 {
		s.wikis = map[string]bool{}
		for _, w := range sc.Wikis {
			s.wikis[strings.ToLower(w)] = true
		}
	}
	if len(sc.Participants) > 0 {
		s.users = map[string]bool{}
		for _, u := range sc.Participants {
			if c, err := username.Canonical(u); err == nil {
				u = c
			}
			s.users[u] = true
		}
	}
	return s
}

// outside reports whether c is outside the scope.
func (s scopeSets) outside(wiki, user string) bool {
	return s.wikis != nil && !s.wikis[wiki] || s.users != nil && !s.users[user]
}

// noteContribution records a contribution outside the scope.
func (s scopeSets) noteContribution(r *Report, row int, wiki, user string, rev int64) {
	switch {
	case s.wikis != nil && !s.wikis[wiki]:
		r.note(ContributionsFile, "contributions on wikis outside the event, left out of the numbers", row, fmt.Sprintf("%s, revision %d", wiki, rev))
	case s.users != nil && !s.users[user]:
		r.note(ContributionsFile, "contributions by users who are not participants, left out of the numbers", row, fmt.Sprintf("“%s” on %s", user, wiki), user)
	}
}

// noteTimes records the timestamps of file written otherwise than read,
// in UTC to the second: “2021-03-06T12:00:00+02:00” → 2021-03-06T10:00:00Z
// (the readers drop fractions of a second, as the writers do). rows are
// the file's rows, before any is dropped.
func (d *Data) noteTimes(file string, times []timeNote) {
	for _, n := range times {
		t, err := ParseTime(n.text)
		if err != nil {
			continue // read once already: cannot fail
		}
		d.Normalised.note(file, "timestamps rewritten in UTC to the second", n.row, fmt.Sprintf("“%s” → %s", n.text, appendTime(nil, t)))
	}
}

// normalise makes the rows of a re-read folder canonical, the way a fetch
// writes them: wiki domains lower case, usernames canonical, each revision
// and each account once. Rows that differ where they should be equal are
// errors; every change is recorded in d.Normalised.
func (d *Data) normalise(dir string, sc scopeSets) error {
	cf, af := filepath.Join(dir, ContributionsFile), filepath.Join(dir, AccountsFile)
	canon := map[string]string{}
	var lastRaw, lastCanon string // rows come grouped by user: skip the map
	name := func(file string, row int, u string) (string, error) {
		if u == lastRaw && u != "" {
			return lastCanon, nil
		}
		if c, ok := canon[u]; ok {
			lastRaw, lastCanon = u, c
			return c, nil
		}
		c, err := username.Canonical(u)
		if err != nil {
			return "", &ParseError{File: file, Line: lineOf(file, row), Column: "username", Index: columnOf(file, "username"), Err: err}
		}
		canon[u] = c
		lastRaw, lastCanon = u, c
		return c, nil
	}
	if err := d.normaliseContributions(cf, name, sc); err != nil {
		return err
	}
	if err := d.normaliseAccounts(af, name, sc); err != nil {
		return err
	}
	if err := d.normaliseIncomplete(filepath.Join(dir, IncompleteFile), name); err != nil {
		return err
	}
	if err := d.checkAccounts(cf, sc); err != nil {
		return err
	}
	return d.Normalised.placeExamples(dir)
}

// checkAccounts refuses revisions of a participant (anyone, without a
// scope) who has no row in accounts.csv: the analysis would take her for
// an account not found. A participant listed in incomplete.csv is left
// out as data incomplete anyway, and passes.
func (d *Data) checkAccounts(cf string, sc scopeSets) error {
	t := d.Contributions
	users := t.Usernames()
	known := make(map[string]bool, len(d.Accounts)+len(d.Incomplete))
	for _, a := range d.Accounts {
		known[a.Username] = true
	}
	for _, in := range d.Incomplete {
		known[in.Username] = true
	}
	count, first := make([]int, len(users)), make([]int, len(users))
	for row := range t.Len() {
		id := t.UserID(row)
		if count[id] == 0 {
			first[id] = row
		}
		count[id]++
	}
	var missing []int
	for id, n := range count {
		if u := users[id]; n > 0 && !known[u] && (sc.users == nil || sc.users[u]) {
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	slices.SortFunc(missing, func(a, b int) int { return first[a] - first[b] })
	m := missing[0]
	others := ""
	if len(missing) > 1 {
		others = fmt.Sprintf(", nor for %d other participants with revisions", len(missing)-1)
	}
	return fmt.Errorf("%s: %d revisions of “%s” (the first on line %d), but %s has no row for the account%s: "+
		"the files are not from the same run, or %s was cut short; copy the run's files again",
		cf, count[m], users[m], lineOf(cf, first[m]), AccountsFile, others, AccountsFile)
}

// lineOf returns the line where row (counted from 0 after the header) of
// the file starts, for error messages; 0 when the file cannot be read.
func lineOf(path string, row int) int {
	lines := map[int]int{row: 0}
	recordLines(path, lines)
	return lines[row]
}

// columnOf returns the position (from 1) of the column name in the header
// of the file, for error messages; 0 when the file cannot be read.
func columnOf(path, name string) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	head, err := newLineReader(f).read()
	if err != nil {
		return 0
	}
	for i, h := range head {
		if string(h) == name { // a byte order mark is dropped already
			return i + 1
		}
	}
	return 0
}

// normaliseAccounts makes account usernames canonical and drops rows that
// repeat an account exactly; an account given twice with different facts
// is an error.
func (d *Data) normaliseAccounts(file string, name func(string, int, string) (string, error), sc scopeSets) error {
	type place struct{ kept, row int }
	byName := map[string]place{}
	kept := d.Accounts[:0]
	for row, a := range d.Accounts {
		u, err := name(file, row, a.Username)
		if err != nil {
			return err
		}
		if u != a.Username {
			d.Normalised.note(AccountsFile, "usernames made canonical", row, fmt.Sprintf("“%s” → “%s”", a.Username, u), a.Username, u)
			a.Username = u
		}
		if p, dup := byName[u]; dup {
			if !sameAccount(kept[p.kept], a) {
				return fmt.Errorf("%s: account “%s” appears twice with different registration or bot flag (lines %d and %d)", file, u, lineOf(file, p.row), lineOf(file, row))
			}
			d.Normalised.note(AccountsFile, "duplicate accounts dropped", row, fmt.Sprintf("“%s”", u), u)
			continue
		}
		if sc.users != nil && !sc.users[u] {
			d.Normalised.note(AccountsFile, "accounts of users who are not participants, left out of the numbers", row, fmt.Sprintf("“%s”", u), u)
		}
		byName[u] = place{len(kept), row}
		kept = append(kept, a)
	}
	d.Accounts = kept
	return nil
}

// normaliseIncomplete makes the names and wikis of incomplete.csv canonical
// like those of the other files, so that they still match.
func (d *Data) normaliseIncomplete(file string, name func(string, int, string) (string, error)) error {
	for row := range d.Incomplete {
		in := &d.Incomplete[row]
		if err := d.canonicalise(file, row, &in.Wiki, &in.Username, name); err != nil {
			return err
		}
	}
	return nil
}

// canonicalise lower-cases a row's wiki and makes its username canonical,
// noting what changed.
func (d *Data) canonicalise(path string, row int, wiki, user *string, name func(string, int, string) (string, error)) error {
	file := filepath.Base(path)
	if w := strings.ToLower(*wiki); w != *wiki {
		d.Normalised.note(file, "wiki domains lower-cased", row, *wiki)
		*wiki = w
	}
	u, err := name(path, row, *user)
	if err != nil {
		return err
	}
	if u != *user {
		d.Normalised.note(file, "usernames made canonical", row, fmt.Sprintf("“%s” → “%s”", *user, u), *user, u)
		*user = u
	}
	return nil
}

// normaliseContributions makes the contributions canonical, drops repeated
// revisions and notes the rows outside the scope.
func (d *Data) normaliseContributions(cf string, name func(string, int, string) (string, error), sc scopeSets) error {
	type revKey struct {
		wiki string
		rev  int64
	}
	t := d.Contributions
	dups := duplicateRevisions(t)
	seen := map[revKey]int{} // row of the first of each revision that occurs more than once
	var drop []bool
	var run struct { // of the last row, when canonical and in scope
		wiki, user uint32
		ok         bool
	}
	for row := range t.Len() {
		if run.ok && t.WikiID(row) == run.wiki && t.UserID(row) == run.user && len(dups) == 0 {
			continue // rows come grouped: the previous row's checks hold
		}
		wiki, user := t.Wiki(row), t.Username(row)
		cw, cu := wiki, user
		if err := d.canonicalise(cf, row, &cw, &cu, name); err != nil {
			return err
		}
		if cw != wiki {
			t.SetWiki(row, cw)
		}
		if cu != user {
			t.SetUsername(row, cu)
		}
		run.ok = cw == wiki && cu == user && !sc.outside(cw, cu)
		run.wiki, run.user = t.WikiID(row), t.UserID(row)
		rev := t.RevID(row)
		if len(dups) > 0 && dups[dupKey{cw, rev}] {
			k := revKey{cw, rev}
			if first, dup := seen[k]; dup {
				if t.At(first) != t.At(row) {
					return fmt.Errorf("%s: revision %d on %s appears twice with different values (lines %d and %d)", cf, rev, cw, lineOf(cf, first), lineOf(cf, row))
				}
				d.Normalised.note(ContributionsFile, "duplicate revisions dropped", row, fmt.Sprintf("revision %d on %s", rev, cw))
				if drop == nil {
					drop = make([]bool, t.Len())
				}
				drop[row] = true
				continue
			}
			seen[k] = row
		}
		sc.noteContribution(&d.Normalised, row, cw, cu, rev)
	}
	if drop != nil {
		d.Contributions = t.Filter(func(i int) bool { return !drop[i] })
	}
	return nil
}

func sameAccount(a, b metrics.Account) bool {
	return a.Username == b.Username && a.Registration.Equal(b.Registration) && a.Bot == b.Bot
}

// revPair is a revision on the wiki of that index.
type revPair struct {
	wiki int32
	rev  int64
}

// duplicatesByBitmap finds, among the n pairs key(0) to key(n-1), those
// that occur more than once, with a bit per possible id of each wiki, when
// the ids of every wiki span at most 64 times as many values as there are
// pairs; ok is false otherwise.
func duplicatesByBitmap(n int, key func(int) revPair, wikis int) (dups []revPair, ok bool) {
	lo, hi := make([]int64, wikis), make([]int64, wikis)
	for i := range lo {
		lo[i], hi[i] = math.MaxInt64, math.MinInt64
	}
	for i := range n {
		k := key(i)
		lo[k.wiki], hi[k.wiki] = min(lo[k.wiki], k.rev), max(hi[k.wiki], k.rev)
	}
	offset, span := make([]uint64, wikis), uint64(0)
	for w := range wikis {
		if lo[w] > hi[w] {
			continue
		}
		width := uint64(hi[w]-lo[w]) + 1
		if width == 0 || width > 64*uint64(n+1) || span+width > 64*uint64(n+1) {
			return nil, false
		}
		offset[w], span = span, span+width
	}
	bits := make([]uint64, (span+63)/64)
	for j := range n {
		k := key(j)
		i := offset[k.wiki] + uint64(k.rev-lo[k.wiki])
		if bits[i/64]&(1<<(i%64)) != 0 {
			dups = append(dups, k)
		}
		bits[i/64] |= 1 << (i % 64)
	}
	return dups, true
}

// dupKey is a revision on a wiki.
type dupKey struct {
	wiki string
	rev  int64
}

// duplicateRevisions returns the revisions that occur more than once on
// the same wiki (domains compared in lower case). Sorting (wiki, id) pairs is far cheaper than a map of every
// revision, and real files have few or no duplicates; ids repeat across
// wikis, so the wiki is part of the key.
func duplicateRevisions(t *metrics.Table) map[dupKey]bool {
	type pair = revPair
	var names []string // lower-cased domains
	byID := make([]int32, len(t.Wikis()))
	for id, w := range t.Wikis() {
		lower := strings.ToLower(w)
		i := slices.Index(names, lower)
		if i < 0 {
			i = len(names)
			names = append(names, lower)
		}
		byID[id] = int32(i)
	}
	key := func(i int) pair { return pair{byID[t.WikiID(i)], t.RevID(i)} }
	if dups, ok := duplicatesByBitmap(t.Len(), key, len(names)); ok { // read from the table: no copy of its keys
		out := map[dupKey]bool{}
		for _, k := range dups {
			out[dupKey{names[k.wiki], k.rev}] = true
		}
		return out
	}
	keys := hugealloc.Make[pair](t.Len(), t.Len())
	for i := range keys {
		keys[i] = key(i)
	}
	slices.SortFunc(keys, func(a, b pair) int { return cmp.Or(cmp.Compare(a.wiki, b.wiki), cmp.Compare(a.rev, b.rev)) })
	dups := map[dupKey]bool{}
	for i := 1; i < len(keys); i++ {
		if keys[i] == keys[i-1] {
			dups[dupKey{names[keys[i].wiki], keys[i].rev}] = true
		}
	}
	return dups
}
