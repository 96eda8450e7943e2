package history

import (
	"fmt"
	"slices"
	"strings"
)

// ViewSQL returns DuckDB statements that present checked dumps as Table,
// with a snapshot column: one read_csv per layout (tab-separated, no
// header, no quoting nor escaping, typed columns), joined by name so that
// the older layouts' missing columns read as NULL.
func ViewSQL(dumps []Checked, snapshot string) []string {
	byLayout := map[int][]string{}
	layouts := map[int]Layout{}
	for _, d := range dumps {
		if d.Read == "" || slices.Contains(byLayout[d.Layout.Fields], Literal(d.Read)) {
			continue // an empty dump, or a file already listed
		}
		byLayout[d.Layout.Fields] = append(byLayout[d.Layout.Fields], Literal(d.Read))
		layouts[d.Layout.Fields] = d.Layout
	}
	var counts []int
	for n := range byLayout {
		counts = append(counts, n)
	}
	slices.Sort(counts)
	var parts []string
	for _, n := range counts {
		var cols []string
		for _, c := range layouts[n].Columns {
			cols = append(cols, fmt.Sprintf("'%s': '%s'", c, columnType(c)))
		}
		parts = append(parts, fmt.Sprintf("SELECT * FROM read_csv([%s], delim = '\\t', header = false, quote = '', escape = '', auto_detect = false, columns = {%s})",
			strings.Join(byLayout[n], ", "), strings.Join(cols, ", ")))
	}
	if len(parts) == 0 { // no dump: an empty table of the current layout
		var cols []string
		for _, c := range Columns78 {
			cols = append(cols, "CAST(NULL AS "+columnType(c)+") AS "+c)
		}
		parts = append(parts, "SELECT "+strings.Join(cols, ", ")+" WHERE false")
	}
	return []string{
		"CREATE SCHEMA IF NOT EXISTS wmf",
		fmt.Sprintf("CREATE OR REPLACE VIEW %s AS SELECT *, %s AS snapshot FROM (%s)", Table, Literal(snapshot), strings.Join(parts, " UNION ALL BY NAME ")),
	}
}
