// Package history reads contributions and account facts from Wikimedia's
// mediawiki_history dataset instead of the MediaWiki API: the public
// monthly TSV dumps (DIR/<snapshot>/<wiki_db>/<snapshot>.<wiki_db>.<bucket>.tsv.bz2)
// or a CSV export of the same query run on wmf.mediawiki_history at the
// Data Lake.
//
// The heavy work (scanning every row of a wiki's history, keeping the
// participants' live revisions and accounts) is one SQL query, written
// once (Query) in the subset of SQL that DuckDB and Spark SQL both accept.
// The package itself needs no cgo: it finds and checks the dump files
// (Scan), writes the query, and turns its result rows into the dataset
// files (contributions.csv, accounts.csv, namespaces.csv) that the rest of
// the project re-analyses, so that every metric stays defined once, in
// package metrics. The query runs on embedded DuckDB in package
// engagement/history/duckdb (cgo, build tag duckdb), or on Spark at the
// Data Lake.
package history

import (
	"fmt"
	"slices"
	"strings"
)

// Columns78 are the fields of the current dump layout, in order (RS
// denormalized/MediawikiEvent.scala, toTSVLine).
var Columns78 = []string{
	"wiki_db", "event_log_id", "event_entity", "event_type", "event_timestamp", "event_comment",
	"event_user_id", "event_user_central_id", "event_user_text_historical", "event_user_text",
	"event_user_blocks_historical", "event_user_blocks", "event_user_groups_historical", "event_user_groups",
	"event_user_is_bot_by_historical", "event_user_is_bot_by", "event_user_is_created_by_self",
	"event_user_is_created_by_system", "event_user_is_created_by_peer", "event_user_is_anonymous",
	"event_user_is_temporary", "event_user_is_permanent", "event_user_is_cross_wiki",
	"event_user_registration_timestamp", "event_user_creation_timestamp", "event_user_first_edit_timestamp",
	"event_user_revision_count", "event_user_seconds_since_previous_revision",
	"page_id", "page_title_historical", "page_title", "page_namespace_historical",
	"page_namespace_is_content_historical", "page_namespace", "page_namespace_is_content",
	"page_is_redirect", "page_is_deleted", "page_creation_timestamp", "page_first_edit_timestamp",
	"page_revision_count", "page_seconds_since_previous_revision",
	"user_id", "user_central_id", "user_text_historical", "user_text", "user_blocks_historical", "user_blocks",
	"user_groups_historical", "user_groups", "user_is_bot_by_historical", "user_is_bot_by",
	"user_is_created_by_self", "user_is_created_by_system", "user_is_created_by_peer", "user_is_anonymous",
	"user_is_temporary", "user_is_permanent", "user_registration_timestamp", "user_creation_timestamp",
	"user_first_edit_timestamp",
	"revision_id", "revision_parent_id", "revision_minor_edit", "revision_deleted_parts",
	"revision_deleted_parts_are_suppressed", "revision_text_bytes", "revision_text_bytes_diff",
	"revision_text_sha1", "revision_content_model", "revision_content_format",
	"revision_is_deleted_by_page_deletion", "revision_deleted_by_page_deletion_timestamp",
	"revision_is_identity_reverted", "revision_first_identity_reverting_revision_id",
	"revision_seconds_to_identity_revert", "revision_is_identity_revert",
	"revision_is_from_before_page_creation", "revision_tags",
}

// A Layout is one column order of the dumps, known by its field count.
type Layout struct {
	Fields  int
	Name    string   // what it is, for messages
	Columns []string // in order
}

// without returns cols less the named ones.
func without(cols []string, drop ...string) []string {
	return slices.DeleteFunc(slices.Clone(cols), func(c string) bool { return slices.Contains(drop, c) })
}

// Layouts are the dump layouts the reader knows, newest first: each adds
// fields to the one after it (see the design note mediawiki-history.md).
func Layouts() []Layout {
	c77 := without(Columns78, "event_log_id")
	c76 := without(c77, "event_user_is_cross_wiki")
	c74 := without(c76, "event_user_central_id", "user_central_id")
	c70 := without(c74, "event_user_is_temporary", "event_user_is_permanent", "user_is_temporary", "user_is_permanent")
	return []Layout{
		{78, "78 fields (with event_log_id, 2026-05)", Columns78},
		{77, "77 fields (with event_user_is_cross_wiki, 2026-05)", c77},
		{76, "76 fields (with the central ids, 2025-10)", c76},
		{74, "74 fields (with the temporary-account flags, 2025-01)", c74},
		{70, "70 fields (before temporary accounts)", c70},
	}
}

// LayoutOf returns the layout of a line with n fields.
func LayoutOf(n int) (Layout, error) {
	var known []string
	for _, l := range Layouts() {
		if l.Fields == n {
			return l, nil
		}
		known = append(known, fmt.Sprint(l.Fields))
	}
	return Layout{}, fmt.Errorf("%d tab-separated fields: not a mediawiki_history layout this reader knows (%s fields)", n, strings.Join(known, ", "))
}

// index returns the position of column c in l, or -1.
func (l Layout) index(c string) int { return slices.Index(l.Columns, c) }

// Types gives each column its DuckDB type when reading the TSV: ids,
// counts, seconds and bytes BIGINT, namespaces INTEGER, flags BOOLEAN,
// timestamps TIMESTAMP, the rest (text and arrays) VARCHAR.
func columnType(c string) string {
	switch {
	case strings.HasSuffix(c, "_timestamp"):
		return "TIMESTAMP"
	case c == "page_namespace" || c == "page_namespace_historical":
		return "INTEGER"
	case strings.Contains(c, "_is_") || c == "revision_minor_edit" || c == "revision_deleted_parts_are_suppressed":
		if strings.Contains(c, "_is_bot_by") {
			return "VARCHAR"
		}
		return "BOOLEAN"
	case strings.HasSuffix(c, "_id") || strings.HasSuffix(c, "_count") || strings.Contains(c, "seconds") || strings.HasPrefix(c, "revision_text_bytes"):
		return "BIGINT"
	}
	return "VARCHAR"
}
