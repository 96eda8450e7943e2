package history

import (
	"cmp"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
)

// Row is one row of the query's result (see ResultColumns). Nullable
// columns are sql.Null values.
type Row struct {
	Kind, WikiDB, Username string
	RevID, PageID          sql.NullInt64
	NS                     sql.NullInt64
	Title                  sql.NullString
	IsContent              sql.NullBool
	Timestamp              sql.NullString
	BytesDiff              sql.NullInt64
	CreatesPage            sql.NullBool
	Registration           sql.NullString
	Groups                 sql.NullString
}

// Data is what the query gives, as the dataset files hold it.
type Data struct {
	Contributions []metrics.Contribution
	Accounts      []metrics.Account
	Namespaces    []dataset.Namespace
}

// Convert turns the query's rows into contributions, accounts (one per
// participant: the earliest registration on any scope wiki, a bot if in
// the bot group on any) and the content namespaces seen. domains maps
// each wiki_db to its domain. A revision given twice is kept once; two
// rows of one revision that disagree are an error.
func Convert(rows []Row, domains map[string]string) (*Data, error) {
	c := NewConverter(domains)
	for _, r := range rows {
		if err := c.Add(r); err != nil {
			return nil, err
		}
	}
	return c.Data(), nil
}

// A Converter is Convert one row at a time, so that an engine's rows need
// not be held all at once.
type Converter struct {
	domains  map[string]string
	d        Data
	rows     int
	seen     map[revKey]int // index in d.Contributions
	accounts map[string]*metrics.Account
	hasReg   map[string]bool
	ns       map[string]map[int]bool
}

type revKey struct {
	wiki string
	rev  int64
}

// NewConverter returns a Converter for the scope wikis (wiki_db → domain).
func NewConverter(domains map[string]string) *Converter {
	return &Converter{domains: domains, seen: map[revKey]int{}, accounts: map[string]*metrics.Account{}, hasReg: map[string]bool{}, ns: map[string]map[int]bool{}}
}

// Rows returns how many rows were added.
func (cv *Converter) Rows() int { return cv.rows }

// Add converts one result row; errors name its position.
func (cv *Converter) Add(r Row) error {
	cv.rows++
	i := cv.rows - 1
	wiki, ok := cv.domains[r.WikiDB]
	if !ok {
		return fmt.Errorf("result row %d: wiki_db %q is not a scope wiki", i+1, r.WikiDB)
	}
	switch r.Kind {
	case "revision":
		c, err := contribution(r, wiki)
		if err != nil {
			return fmt.Errorf("result row %d (%s, revision %d): %w", i+1, r.WikiDB, r.RevID.Int64, err)
		}
		k := revKey{wiki, c.RevID}
		if j, dup := cv.seen[k]; dup {
			if prev := cv.d.Contributions[j]; prev != c {
				return fmt.Errorf("result row %d: revision %d of %s twice, differently (%+v and %+v)", i+1, c.RevID, r.WikiDB, prev, c)
			}
			return nil
		}
		cv.seen[k] = len(cv.d.Contributions)
		cv.d.Contributions = append(cv.d.Contributions, c)
		if cv.ns[wiki] == nil {
			cv.ns[wiki] = map[int]bool{}
		}
		cv.ns[wiki][c.NS] = cv.ns[wiki][c.NS] || r.IsContent.Bool
	case "account":
		if err := mergeAccount(cv.accounts, cv.hasReg, r); err != nil {
			return fmt.Errorf("result row %d (%s, user %q): %w", i+1, r.WikiDB, r.Username, err)
		}
	default:
		return fmt.Errorf("result row %d: kind %q, want revision or account", i+1, r.Kind)
	}
	return nil
}

// Data returns what the rows added give, sorted (wiki, user, time,
// revision; accounts by username).
func (cv *Converter) Data() *Data {
	d := &Data{Contributions: cv.d.Contributions}
	for _, a := range cv.accounts {
		d.Accounts = append(d.Accounts, *a)
	}
	slices.SortFunc(d.Accounts, func(a, b metrics.Account) int { return cmp.Compare(a.Username, b.Username) })
	slices.SortFunc(d.Contributions, func(a, b metrics.Contribution) int {
		return cmp.Or(cmp.Compare(a.Wiki, b.Wiki), cmp.Compare(a.Username, b.Username), a.Timestamp.Compare(b.Timestamp), cmp.Compare(a.RevID, b.RevID))
	})
	d.Namespaces = namespaces(cv.ns)
	return d
}

// contribution turns a revision row into a contribution. The title and
// the user name are taken as they are: the dumps escape only TAB, LF and
// CR in them, which no MediaWiki title or user name holds, so a backslash
// there (\t included) is the title's own (see arrayFields), and the Data
// Lake's table escapes nothing.
func contribution(r Row, wiki string) (metrics.Contribution, error) {
	if !r.RevID.Valid || !r.PageID.Valid || !r.NS.Valid || !r.Timestamp.Valid {
		return metrics.Contribution{}, fmt.Errorf("revision_id, page_id, page_namespace and event_timestamp must be set")
	}
	t, err := parseTime(r.Timestamp.String)
	if err != nil {
		return metrics.Contribution{}, fmt.Errorf("event_timestamp: %w", err)
	}
	return metrics.Contribution{
		Wiki: wiki, Username: r.Username, RevID: r.RevID.Int64, PageID: r.PageID.Int64, NS: int(r.NS.Int64),
		Title: FullTitle(wiki, int(r.NS.Int64), r.Title.String), Timestamp: t,
		SizeDiff: int(r.BytesDiff.Int64), NoSizeDiff: !r.BytesDiff.Valid, New: r.CreatesPage.Bool,
	}, nil
}

// mergeAccount adds one wiki's account row to the participant's account.
func mergeAccount(accounts map[string]*metrics.Account, hasReg map[string]bool, r Row) error {
	a := accounts[r.Username]
	if a == nil {
		a = &metrics.Account{Username: r.Username}
		accounts[r.Username] = a
	}
	if r.Registration.Valid && r.Registration.String != "" {
		t, err := parseTime(r.Registration.String)
		if err != nil {
			return fmt.Errorf("registration: %w", err)
		}
		if !hasReg[r.Username] || t.Before(a.Registration) {
			a.Registration, hasReg[r.Username] = t, true
		}
	}
	for _, g := range splitArray(r.Groups.String) {
		if g == "bot" {
			a.Bot = true
		}
	}
	return nil
}

// splitArray splits a dump's array text at the commas not escaped as \,.
func splitArray(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	var cur strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == ',':
			cur.WriteByte(',')
			i++
		case s[i] == ',':
			out = append(out, unescapeItem(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(s[i])
		}
	}
	return append(out, unescapeItem(cur.String()))
}

// parseTime reads the engines' timestamp text ("2021-03-05 10:00:00",
// with fractional seconds or RFC 3339 too) as UTC.
func parseTime(s string) (time.Time, error) {
	for _, l := range []string{"2006-01-02 15:04:05.999999999", time.RFC3339Nano, "2006-01-02T15:04:05.999999999"} {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a timestamp (want YYYY-MM-DD HH:MM:SS, UTC)", s)
}

// namespaces lists the namespaces seen, with their names and whether the
// history marks them as content.
func namespaces(ns map[string]map[int]bool) []dataset.Namespace {
	var out []dataset.Namespace
	for wiki, m := range ns {
		if _, ok := m[0]; !ok {
			m[0] = true // the main namespace is content on every wiki
		}
		for n, content := range m {
			out = append(out, dataset.Namespace{Wiki: wiki, NS: n, Name: NamespaceName(wiki, n), Content: content})
		}
	}
	return out
}

// WriteDir writes contributions.csv, accounts.csv and namespaces.csv into
// dir, the files a re-analysis (-from) reads.
func (d *Data) WriteDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	write := func(name string, f func(*os.File) error) error {
		out, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		if err := f(out); err != nil {
			out.Close()
			return fmt.Errorf("writing %s: %w", out.Name(), err)
		}
		return out.Close()
	}
	if err := write(dataset.ContributionsFile, func(f *os.File) error { return dataset.WriteContributions(f, d.Contributions) }); err != nil {
		return err
	}
	if err := write(dataset.AccountsFile, func(f *os.File) error { return dataset.WriteAccounts(f, d.Accounts) }); err != nil {
		return err
	}
	return write(dataset.NamespacesFile, func(f *os.File) error { return dataset.WriteNamespaces(f, d.Namespaces) })
}

// Sort orders the data as a fetch from the API writes it: contributions
// by scope wiki (home wiki first), username, time and revision;
// accounts in the participants' order.
func (d *Data) Sort(wikis, participants []string) {
	wi := map[string]int{}
	for i, w := range wikis {
		wi[w] = i
	}
	pi := map[string]int{}
	for i, p := range participants {
		if _, ok := pi[p]; !ok {
			pi[p] = i
		}
	}
	slices.SortStableFunc(d.Contributions, func(a, b metrics.Contribution) int {
		return cmp.Or(cmp.Compare(wi[a.Wiki], wi[b.Wiki]), cmp.Compare(a.Username, b.Username), a.Timestamp.Compare(b.Timestamp), cmp.Compare(a.RevID, b.RevID))
	})
	slices.SortStableFunc(d.Accounts, func(a, b metrics.Account) int { return cmp.Compare(pi[a.Username], pi[b.Username]) })
}
