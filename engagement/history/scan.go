package history

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// A Dump is one file of the public dumps: one wiki's events of one bucket.
type Dump struct {
	Path   string
	WikiDB string
	Bucket string // YYYY-MM, YYYY or all-time
}

// Compressed reports how the file is compressed: "bz2", "gz" or "".
func (d Dump) Compressed() string {
	switch {
	case strings.HasSuffix(d.Path, ".bz2"):
		return "bz2"
	case strings.HasSuffix(d.Path, ".gz"):
		return "gz"
	}
	return ""
}

// A Snapshot is the dump files of the scope wikis in one snapshot folder.
type Snapshot struct {
	Name  string // YYYY-MM
	Dumps []Dump // by wiki_db, then bucket
}

// End returns the first instant after the snapshot: the history holds
// events before it only.
func (s Snapshot) End() time.Time {
	t, _ := time.Parse("2006-01", s.Name) // checked by Find
	return t.AddDate(0, 1, 0)
}

var snapshotName = regexp.MustCompile(`^\d{4}-\d{2}$`)

// Find returns the snapshot's dump files of the wikis (wiki_db names) in
// dir, laid out as the public dumps are. An empty snapshot takes the
// latest snapshot folder in dir. A wiki without any dump file is an
// error: an absent wiki is never read as "nobody edited there".
func Find(dir, snapshot string, wikiDBs []string) (Snapshot, error) {
	if snapshot == "" {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return Snapshot{}, fmt.Errorf("reading the history folder: %w", err)
		}
		for _, e := range entries {
			if e.IsDir() && snapshotName.MatchString(e.Name()) && e.Name() > snapshot {
				snapshot = e.Name()
			}
		}
		if snapshot == "" {
			return Snapshot{}, fmt.Errorf("%s holds no snapshot folder (YYYY-MM/<wiki_db>/YYYY-MM.<wiki_db>.<bucket>.tsv.bz2, as the public mediawiki_history dumps)", dir)
		}
	}
	if !snapshotName.MatchString(snapshot) {
		return Snapshot{}, fmt.Errorf("snapshot %q: want YYYY-MM", snapshot)
	}
	s := Snapshot{Name: snapshot}
	for _, db := range wikiDBs {
		ds, err := findWiki(filepath.Join(dir, snapshot, db), snapshot, db)
		if err != nil {
			return Snapshot{}, err
		}
		s.Dumps = append(s.Dumps, ds...)
	}
	return s, nil
}

// findWiki lists one wiki's dump files; a file of another name is an
// error rather than something left unread.
func findWiki(dir, snapshot, db string) ([]Dump, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("no dumps of %s for snapshot %s: %w", db, snapshot, err)
	}
	name := regexp.MustCompile(`^` + regexp.QuoteMeta(snapshot+"."+db+".") + `(\d{4}-\d{2}|\d{4}|all-time)\.tsv(\.bz2|\.gz)?$`)
	var out []Dump
	for _, e := range entries {
		m := name.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("%s: not a dump file of %s (want %s.%s.<YYYY-MM|YYYY|all-time>.tsv[.bz2|.gz])", filepath.Join(dir, e.Name()), db, snapshot, db)
		}
		out = append(out, Dump{Path: filepath.Join(dir, e.Name()), WikiDB: db, Bucket: m[1]})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no dump files of %s", dir, db)
	}
	slices.SortFunc(out, func(a, b Dump) int { return strings.Compare(a.Bucket, b.Bucket) })
	for i := 1; i < len(out); i++ {
		if out[i].Bucket == out[i-1].Bucket {
			return nil, fmt.Errorf("%s and %s: the same bucket twice", out[i-1].Path, out[i].Path)
		}
	}
	return out, nil
}
