package history

import (
	"bufio"
	"bytes"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

// ReadExport reads an export of the query's result: wmfdata's pandas
// frame written with to_csv, or spark3-sql's tab-separated output with a
// header (where NULL is written "NULL"). The header names ResultColumns,
// in any order (an index column pandas adds is ignored); empty cells are
// NULL. Booleans may be true/True/1, and integers may carry the ".0"
// pandas gives a column with NULLs.
func ReadExport(path string) ([]Row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading the query's export: %w", err)
	}
	defer f.Close()
	br := bufio.NewReader(f)
	first, _ := br.Peek(4096)
	first, _, _ = bytes.Cut(first, []byte{'\n'})
	tsv := bytes.Contains(first, []byte{'\t'})
	r := csv.NewReader(br)
	r.FieldsPerRecord = -1
	if tsv {
		r.Comma, r.LazyQuotes = '\t', true
	}
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: reading the header: %w", path, err)
	}
	col := map[string]int{}
	for _, c := range ResultColumns {
		i := slices.Index(header, c)
		if i < 0 {
			return nil, fmt.Errorf("%s:1: no column %q (want the query's columns: %s)", path, c, strings.Join(ResultColumns, ","))
		}
		col[c] = i
	}
	var rows []Row
	for line := 2; ; line++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if len(rec) != len(header) {
			return nil, fmt.Errorf("%s:%d: %d fields, the header has %d", path, line, len(rec), len(header))
		}
		if tsv {
			for i, v := range rec {
				if v == "NULL" {
					rec[i] = ""
				}
			}
		}
		row, err := exportRow(rec, col)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		rows = append(rows, row)
	}
}

// exportRow reads one record of an export.
func exportRow(rec []string, col map[string]int) (Row, error) {
	get := func(c string) string { return rec[col[c]] }
	r := Row{Kind: get("kind"), WikiDB: get("wiki_db"), Username: get("username")}
	var err error
	ints := []struct {
		c string
		v *sql.NullInt64
	}{{"revision_id", &r.RevID}, {"page_id", &r.PageID}, {"page_namespace", &r.NS}, {"bytes_diff", &r.BytesDiff}}
	for _, i := range ints {
		if *i.v, err = nullInt(get(i.c)); err != nil {
			return r, fmt.Errorf("column %s: %w", i.c, err)
		}
	}
	bools := []struct {
		c string
		v *sql.NullBool
	}{{"is_content", &r.IsContent}, {"creates_page", &r.CreatesPage}}
	for _, b := range bools {
		if *b.v, err = nullBool(get(b.c)); err != nil {
			return r, fmt.Errorf("column %s: %w", b.c, err)
		}
	}
	str := func(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }
	r.Title, r.Timestamp, r.Registration, r.Groups = str(get("page_title")), str(get("event_timestamp")), str(get("registration")), str(get("user_groups"))
	return r, nil
}

func nullInt(s string) (sql.NullInt64, error) {
	if s == "" {
		return sql.NullInt64{}, nil
	}
	n, err := strconv.ParseInt(strings.TrimSuffix(s, ".0"), 10, 64)
	if err != nil {
		return sql.NullInt64{}, fmt.Errorf("%q is not an integer", s)
	}
	return sql.NullInt64{Int64: n, Valid: true}, nil
}

func nullBool(s string) (sql.NullBool, error) {
	switch strings.ToLower(s) {
	case "":
		return sql.NullBool{}, nil
	case "true", "1", "1.0":
		return sql.NullBool{Bool: true, Valid: true}, nil
	case "false", "0", "0.0":
		return sql.NullBool{Valid: true}, nil
	}
	return sql.NullBool{}, fmt.Errorf("%q is not a boolean", s)
}
