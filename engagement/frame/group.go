package frame

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// strs returns a column as strings, or nil when df lacks it.
func strs(df dataframe.DataFrame, col string) []string {
	if !slices.Contains(df.Names(), col) {
		return nil
	}
	return df.Col(col).Records()
}

func floats(df dataframe.DataFrame, col string) []float64 {
	if !slices.Contains(df.Names(), col) {
		return nil
	}
	return df.Col(col).Float()
}

// group accumulates one row of a grouping.
type group struct {
	key          []string
	edits        int
	bytes        float64
	created      int
	users, pages map[string]bool
	first, last  string
}

// groupContributions groups a contributions frame by the columns keys, in
// order of first appearance.
func groupContributions(df dataframe.DataFrame, keys ...string) ([]*group, error) {
	if df.Err != nil {
		return nil, df.Err
	}
	for _, k := range append([]string{ColUsername, ColWiki, ColPageID}, keys...) {
		if !slices.Contains(df.Names(), k) {
			return nil, fmt.Errorf("want a contributions frame: no %q column", k)
		}
	}
	cols := make([][]string, len(keys))
	for i, k := range keys {
		cols[i] = strs(df, k)
	}
	user, wiki, page, ts := strs(df, ColUsername), strs(df, ColWiki), strs(df, ColPageID), strs(df, ColTimestamp)
	size, created := floats(df, ColSizeDiff), strs(df, ColCreated)
	byKey := map[string]*group{}
	var out []*group
	for i := 0; i < df.Nrow(); i++ {
		key := make([]string, len(keys))
		for j := range keys {
			key[j] = cols[j][i]
		}
		k := strings.Join(key, "\x00")
		g := byKey[k]
		if g == nil {
			g = &group{key: key, users: map[string]bool{}, pages: map[string]bool{}}
			byKey[k] = g
			out = append(out, g)
		}
		g.edits++
		g.users[user[i]] = true
		g.pages[wiki[i]+"\x00"+page[i]] = true
		if size != nil && size[i] > 0 {
			g.bytes += size[i]
		}
		if created != nil && created[i] == "true" {
			g.created++
		}
		if ts != nil {
			if g.first == "" || ts[i] < g.first {
				g.first = ts[i]
			}
			if ts[i] > g.last {
				g.last = ts[i]
			}
		}
	}
	return out, nil
}

// CountBy groups contributions by the given columns (e.g. ColWiki, ColNS)
// and counts edits, editors, pages, pages created and bytes added, most
// edits first.
func CountBy(df dataframe.DataFrame, cols ...string) dataframe.DataFrame {
	out, _ := countBy(df, cols...)
	return out
}

func countBy(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, []*group) {
	gs, err := groupContributions(df, cols...)
	if err != nil {
		return dataframe.DataFrame{Err: fmt.Errorf("counting by %s: %w", strings.Join(cols, ", "), err)}, nil
	}
	slices.SortStableFunc(gs, func(a, b *group) int { return b.edits - a.edits })
	var ss []series.Series
	for j, c := range cols {
		vals := make([]string, len(gs))
		for i, g := range gs {
			vals[i] = g.key[j]
		}
		ss = append(ss, series.New(vals, df.Col(c).Type(), c))
	}
	return dataframe.New(append(ss, counts(gs)...)...), gs
}

func counts(gs []*group) []series.Series {
	edits, editors, pages, created := make([]int, len(gs)), make([]int, len(gs)), make([]int, len(gs)), make([]int, len(gs))
	bytes := make([]int, len(gs))
	for i, g := range gs {
		edits[i], editors[i], pages[i], created[i], bytes[i] = g.edits, len(g.users), len(g.pages), g.created, int(g.bytes)
	}
	return []series.Series{series.New(edits, series.Int, ColEdits), series.New(editors, series.Int, ColEditors),
		series.New(pages, series.Int, ColPages), series.New(created, series.Int, ColPagesCreated), series.New(bytes, series.Int, ColBytesAdded)}
}

// PerParticipant sums contributions per participant: username, segment,
// edits, pages, pages created, bytes added, first and last edit; most edits
// first.
func PerParticipant(df dataframe.DataFrame) dataframe.DataFrame {
	out, gs := countBy(df, ColUsername, ColSegment)
	if out.Err != nil {
		return out
	}
	first, last := make([]string, len(gs)), make([]string, len(gs))
	for i, g := range gs {
		first[i], last[i] = g.first, g.last
	}
	return out.Drop(ColEditors).Mutate(series.New(first, series.String, ColFirstEdit)).Mutate(series.New(last, series.String, ColLastEdit))
}

// PerPage sums contributions per page: wiki, ns, page_id, title, edits,
// editors, bytes added, and whether a participant created it; most edits
// first.
func PerPage(df dataframe.DataFrame) dataframe.DataFrame {
	out := CountBy(df, ColWiki, ColNS, ColPageID, ColTitle)
	if out.Err != nil {
		return out
	}
	created := out.Col(ColPagesCreated).Records()
	b := make([]bool, len(created))
	for i, c := range created {
		n, _ := strconv.Atoi(c)
		b[i] = n > 0
	}
	return out.Drop([]string{ColPages, ColPagesCreated}).Mutate(series.New(b, series.Bool, ColCreated))
}
