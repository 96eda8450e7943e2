package history

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Table is the Data Lake's table of the history; the DuckDB engine names
// its view of the dumps the same, so that one query text serves both.
const Table = "wmf.mediawiki_history"

// Spec is what the query selects: the participants' live revisions and
// their accounts on the scope wikis, in one snapshot, up to as-of.
type Spec struct {
	Snapshot     string   // YYYY-MM
	WikiDBs      []string // e.g. enwiki
	Participants []string // canonical usernames
	AsOf         time.Time
}

// ResultColumns are the columns of the query's result, in order: a row is
// a revision (kind "revision") or an account on one wiki (kind
// "account"). A CSV export of the result has them as its header.
var ResultColumns = []string{"kind", "wiki_db", "username", "revision_id", "page_id", "page_namespace", "page_title",
	"is_content", "event_timestamp", "bytes_diff", "creates_page", "registration", "user_groups"}

// Query returns the query of spec over Table in the SQL that DuckDB and
// Spark SQL both accept (no function only one of them has; strings built
// with chr where a quote or a backslash would be read differently):
// revisions are event_entity revision, event_type create, not deleted with
// their page and without a hidden author (what list=usercontribs shows),
// matched on the author's current name (after renames); accounts come
// from the user rows (event_entity user) of the current name, with the
// earliest registration and the current groups.
func Query(s Spec) string {
	var b strings.Builder
	fmt.Fprintf(&b, "-- Participants' live revisions and accounts, snapshot %s, as of %s (UTC).\n", s.Snapshot, s.AsOf.UTC().Format(time.RFC3339))
	b.WriteString("-- Written by engagement for DuckDB and Spark SQL alike; export the result as CSV with a header.\n")
	b.WriteString("WITH participants AS (\n  SELECT username FROM (VALUES\n")
	names := slices.Clone(s.Participants)
	slices.Sort(names)
	names = slices.Compact(names)
	for i, n := range names {
		sep := ","
		if i == len(names)-1 {
			sep = ""
		}
		fmt.Fprintf(&b, "    (%s)%s\n", Literal(n), sep)
	}
	b.WriteString("  ) AS p(username)\n)\n")
	wikis := make([]string, len(s.WikiDBs))
	for i, w := range s.WikiDBs {
		wikis[i] = Literal(w)
	}
	where := fmt.Sprintf("h.snapshot = %s\n  AND h.wiki_db IN (%s)", Literal(s.Snapshot), strings.Join(wikis, ", "))
	fmt.Fprintf(&b, `SELECT 'revision' AS kind, h.wiki_db, h.event_user_text AS username, h.revision_id, h.page_id,
  h.page_namespace, h.page_title, h.page_namespace_is_content AS is_content,
  CAST(CAST(h.event_timestamp AS TIMESTAMP) AS STRING) AS event_timestamp,
  h.revision_text_bytes_diff AS bytes_diff, h.revision_parent_id = 0 AS creates_page,
  CAST(NULL AS STRING) AS registration, CAST(NULL AS STRING) AS user_groups
FROM %s h
JOIN participants p ON h.event_user_text = p.username
WHERE %s
  AND h.event_entity = 'revision' AND h.event_type = 'create'
  AND NOT coalesce(h.revision_is_deleted_by_page_deletion, false)
  AND concat_ws(',', h.revision_deleted_parts) NOT LIKE '%%user%%'
  AND CAST(h.event_timestamp AS TIMESTAMP) <= TIMESTAMP '%s'
UNION ALL
SELECT 'account' AS kind, h.wiki_db, h.user_text AS username, CAST(NULL AS BIGINT) AS revision_id, CAST(NULL AS BIGINT) AS page_id,
  CAST(NULL AS INT) AS page_namespace, CAST(NULL AS STRING) AS page_title, CAST(NULL AS BOOLEAN) AS is_content,
  CAST(NULL AS STRING) AS event_timestamp, CAST(NULL AS BIGINT) AS bytes_diff, CAST(NULL AS BOOLEAN) AS creates_page,
  min(CAST(CAST(h.user_registration_timestamp AS TIMESTAMP) AS STRING)) AS registration,
  max(concat_ws(',', h.user_groups)) AS user_groups
FROM %s h
JOIN participants p ON h.user_text = p.username
WHERE %s
  AND h.event_entity = 'user'
GROUP BY h.wiki_db, h.user_text
`, Table, where, s.AsOf.UTC().Format("2006-01-02 15:04:05"), Table, where)
	return b.String()
}

// Literal returns s as an SQL string literal both engines read the same:
// Spark SQL takes a backslash as an escape and two quotes as two
// literals, so a quote or a backslash is spliced in with chr.
func Literal(s string) string {
	if !strings.ContainsAny(s, `'\`) {
		return "'" + s + "'"
	}
	var parts []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			parts = append(parts, "'"+cur.String()+"'")
			cur.Reset()
		}
	}
	for _, r := range s {
		switch r {
		case '\'':
			flush()
			parts = append(parts, "chr(39)")
		case '\\':
			flush()
			parts = append(parts, "chr(92)")
		default:
			cur.WriteRune(r)
		}
	}
	flush()
	return "concat(" + strings.Join(parts, ", ") + ")"
}
