package dataset

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/username"
)

// Report lists what re-reading a folder changed or dropped, so that a
// re-analysis never changes numbers silently.
type Report []Normalisation

// Normalisation is one kind of change made to the rows of one file.
type Normalisation struct {
	File     string   // e.g. "contributions.csv"
	What     string   // e.g. "usernames made canonical"
	Count    int      // rows concerned
	Examples []string // the first few, e.g. `row 17: "Ada_Okafor" → "Ada Okafor"`
}

// maxExamples bounds the examples kept per kind.
const maxExamples = 3

// Lines formats the report, one line per kind; nil when nothing changed.
func (r Report) Lines() []string {
	var out []string
	for _, n := range r {
		out = append(out, fmt.Sprintf("%s: %d %s (%s)", n.File, n.Count, n.What, strings.Join(n.Examples, "; ")))
	}
	return out
}

// String is Lines joined by newlines.
func (r Report) String() string { return strings.Join(r.Lines(), "\n") }

// note records one changed row of a kind.
func (r *Report) note(file, what, example string) {
	for i := range *r {
		if n := &(*r)[i]; n.File == file && n.What == what {
			n.Count++
			if len(n.Examples) < maxExamples {
				n.Examples = append(n.Examples, example)
			}
			return
		}
	}
	*r = append(*r, Normalisation{File: file, What: what, Count: 1, Examples: []string{example}})
}

// normalise makes the rows of a re-read folder canonical, the way a fetch
// writes them: wiki domains lower case, usernames canonical, each revision
// and each account once. Rows that differ where they should be equal are
// errors; every change is recorded in d.Normalised.
func (d *Data) normalise(dir string) error {
	cf, af := filepath.Join(dir, ContributionsFile), filepath.Join(dir, AccountsFile)
	canon := map[string]string{}
	name := func(file string, row int, u string) (string, error) {
		if c, ok := canon[u]; ok {
			return c, nil
		}
		c, err := username.Canonical(u)
		if err != nil {
			return "", fmt.Errorf("%s: row %d: column username: %w", file, row, err)
		}
		canon[u] = c
		return c, nil
	}
	type revKey struct {
		wiki string
		rev  int64
	}
	dups := duplicateRevisions(d.Contributions)
	seen := map[revKey]int{} // only revisions that occur more than once
	kept := d.Contributions[:0]
	for i, c := range d.Contributions {
		row := i + 1
		if w := strings.ToLower(c.Wiki); w != c.Wiki {
			d.Normalised.note(ContributionsFile, "wiki domains lower-cased", fmt.Sprintf("row %d: %q", row, c.Wiki))
			c.Wiki = w
		}
		u, err := name(cf, row, c.Username)
		if err != nil {
			return err
		}
		if u != c.Username {
			d.Normalised.note(ContributionsFile, "usernames made canonical", fmt.Sprintf("row %d: %q → %q", row, c.Username, u))
			c.Username = u
		}
		if dups[c.RevID] {
			k := revKey{c.Wiki, c.RevID}
			if j, dup := seen[k]; dup {
				if kept[j] != c {
					return fmt.Errorf("%s: revision %d on %s appears twice with different values (the second at row %d)", cf, c.RevID, c.Wiki, row)
				}
				d.Normalised.note(ContributionsFile, "duplicate revisions dropped", fmt.Sprintf("row %d: revision %d on %s", row, c.RevID, c.Wiki))
				continue
			}
			seen[k] = len(kept)
		}
		kept = append(kept, c)
	}
	d.Contributions = kept
	return d.normaliseAccounts(af, name)
}

// normaliseAccounts makes account usernames canonical and drops rows that
// repeat an account exactly; an account given twice with different facts
// is an error.
func (d *Data) normaliseAccounts(file string, name func(string, int, string) (string, error)) error {
	byName := map[string]int{}
	kept := d.Accounts[:0]
	for i, a := range d.Accounts {
		row := i + 1
		u, err := name(file, row, a.Username)
		if err != nil {
			return err
		}
		if u != a.Username {
			d.Normalised.note(AccountsFile, "usernames made canonical", fmt.Sprintf("row %d: %q → %q", row, a.Username, u))
			a.Username = u
		}
		if j, dup := byName[u]; dup {
			if !sameAccount(kept[j], a) {
				return fmt.Errorf("%s: account %q appears twice with different registration or bot flag", file, u)
			}
			d.Normalised.note(AccountsFile, "duplicate accounts dropped", fmt.Sprintf("row %d: %q", row, u))
			continue
		}
		byName[u] = len(kept)
		kept = append(kept, a)
	}
	d.Accounts = kept
	return nil
}

func sameAccount(a, b metrics.Account) bool {
	return a.Username == b.Username && a.Registration.Equal(b.Registration) && a.Bot == b.Bot
}

// duplicateRevisions returns the revision ids that occur more than once
// (on any wiki): sorting the ids is far cheaper than a map of every
// revision, and real files have few or no duplicates.
func duplicateRevisions(cs []metrics.Contribution) map[int64]bool {
	ids := make([]int64, len(cs))
	for i := range cs {
		ids[i] = cs[i].RevID
	}
	slices.Sort(ids)
	dups := map[int64]bool{}
	for i := 1; i < len(ids); i++ {
		if ids[i] == ids[i-1] {
			dups[ids[i]] = true
		}
	}
	return dups
}
