package sample

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// HistoryColumns is the current mediawiki_history dump layout, 78 fields
// in order (the design note mediawiki-history.md). It is repeated here,
// not imported, so that the generator writes what the public dumps hold
// rather than what the reader expects; the history package's tests
// compare the two.
var HistoryColumns = strings.Fields(`wiki_db event_log_id event_entity event_type event_timestamp event_comment
event_user_id event_user_central_id event_user_text_historical event_user_text event_user_blocks_historical
event_user_blocks event_user_groups_historical event_user_groups event_user_is_bot_by_historical event_user_is_bot_by
event_user_is_created_by_self event_user_is_created_by_system event_user_is_created_by_peer event_user_is_anonymous
event_user_is_temporary event_user_is_permanent event_user_is_cross_wiki event_user_registration_timestamp
event_user_creation_timestamp event_user_first_edit_timestamp event_user_revision_count
event_user_seconds_since_previous_revision page_id page_title_historical page_title page_namespace_historical
page_namespace_is_content_historical page_namespace page_namespace_is_content page_is_redirect page_is_deleted
page_creation_timestamp page_first_edit_timestamp page_revision_count page_seconds_since_previous_revision
user_id user_central_id user_text_historical user_text user_blocks_historical user_blocks user_groups_historical
user_groups user_is_bot_by_historical user_is_bot_by user_is_created_by_self user_is_created_by_system
user_is_created_by_peer user_is_anonymous user_is_temporary user_is_permanent user_registration_timestamp
user_creation_timestamp user_first_edit_timestamp revision_id revision_parent_id revision_minor_edit
revision_deleted_parts revision_deleted_parts_are_suppressed revision_text_bytes revision_text_bytes_diff
revision_text_sha1 revision_content_model revision_content_format revision_is_deleted_by_page_deletion
revision_deleted_by_page_deletion_timestamp revision_is_identity_reverted
revision_first_identity_reverting_revision_id revision_seconds_to_identity_revert revision_is_identity_revert
revision_is_from_before_page_creation revision_tags`)

// HistoryEvent is one line of a dump: field name → text (already
// escaped). Fields not set are empty (NULL).
type HistoryEvent map[string]string

// at is the event's instant, for ordering and buckets.
func (e HistoryEvent) at() string { return e["event_timestamp"] }

// HistoryTime formats an instant as the dumps do (java.sql.Timestamp).
func HistoryTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04:05") + ".0"
}

// HistoryEscape escapes a text field as the dumps do: TAB, LF and CR as
// \t, \n and \r; backslashes as they are.
func HistoryEscape(s string) string {
	return strings.NewReplacer("\t", `\t`, "\n", `\n`, "\r", `\r`).Replace(s)
}

// HistoryLine returns the event as a dump line (no line feed), in cols.
func HistoryLine(e HistoryEvent, cols []string) string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = e[c]
	}
	return strings.Join(out, "\t")
}

// HistoryOptions say how WriteHistory lays the dumps out.
type HistoryOptions struct {
	Snapshot string // YYYY-MM
	// Compress is "bz2" (the public dumps; needs the bzip2 program),
	// "gz" or "" (plain .tsv).
	Compress string
	// Yearly writes YYYY buckets instead of monthly ones.
	Yearly bool
	// Columns is the layout written (default HistoryColumns): an older
	// one has fewer fields.
	Columns []string
}

func (o HistoryOptions) columns() []string {
	if o.Columns == nil {
		return HistoryColumns
	}
	return o.Columns
}

// WriteHistory writes the event's wikis as mediawiki_history dumps into
// dir/<snapshot>/<wiki_db>/: every revision (the participants', the
// background editor's and the newcomers'), a user/create row for every
// account, and what only the history holds and the API path never shows
// (historyExtras): revisions deleted with their page, one whose author is
// hidden, anonymous edits, a participant renamed since, and the vanished
// participant's account under its new name.
func (ev *Event) WriteHistory(dir string, o HistoryOptions) error {
	for _, w := range Wikis {
		events := ev.historyEvents(w)
		lines := make([]DumpLine, len(events))
		for i, e := range events {
			lines[i] = DumpLine{At: e.at(), Text: HistoryLine(e, o.columns())}
		}
		if err := WriteHistoryWiki(dir, DBName(w), lines, o); err != nil {
			return err
		}
	}
	return nil
}

// DumpLine is one line of a dump with its event_timestamp.
type DumpLine struct{ At, Text string }

// WriteHistoryWiki writes one wiki's lines, sorted by time, into its
// bucket files.
func WriteHistoryWiki(dir, db string, lines []DumpLine, o HistoryOptions) error {
	slices.SortStableFunc(lines, func(a, b DumpLine) int { return cmp.Compare(a.At, b.At) })
	folder := filepath.Join(dir, o.Snapshot, db)
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return err
	}
	width := 7 // YYYY-MM
	if o.Yearly {
		width = 4
	}
	for len(lines) > 0 {
		bucket := lines[0].At[:width]
		n := 1
		for n < len(lines) && lines[n].At[:width] == bucket {
			n++
		}
		name := filepath.Join(folder, fmt.Sprintf("%s.%s.%s.tsv", o.Snapshot, db, bucket))
		if err := writeDump(name, lines[:n], o.Compress); err != nil {
			return err
		}
		lines = lines[n:]
	}
	return nil
}

// writeDump writes one bucket file, compressed as asked.
func writeDump(name string, lines []DumpLine, compress string) error {
	write := func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<20)
		for _, l := range lines {
			bw.WriteString(l.Text)
			bw.WriteByte('\n')
		}
		return bw.Flush()
	}
	return WriteCompressed(name, compress, write)
}

// WriteCompressed creates name (plus .bz2 or .gz) and fills it with
// write, compressed with the bzip2 program or gzip.
func WriteCompressed(name, compress string, write func(io.Writer) error) error {
	if compress != "" {
		name += "." + compress
	}
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close()
	switch compress {
	case "":
		if err := write(f); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
	case "gz":
		gz, _ := gzip.NewWriterLevel(f, gzip.BestSpeed)
		if err := write(gz); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
		if err := gz.Close(); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
	case "bz2":
		if err := bzip2To(f, write); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
	default:
		return fmt.Errorf("compression %q: want bz2, gz or none", compress)
	}
	return f.Close()
}

// bzip2To compresses what write writes into f with the bzip2 program (the
// Go standard library only decompresses bzip2).
func bzip2To(f *os.File, write func(io.Writer) error) error {
	cmd := exec.Command("bzip2", "-c", "-6")
	cmd.Stdout = f
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("the bzip2 program (apt-get install bzip2): %w", err)
	}
	werr := write(in)
	in.Close()
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("bzip2: %w", err)
	}
	return werr
}
