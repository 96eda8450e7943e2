package nb

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement/dataset"
)

// SaveCSV writes df to path as CSV, creating the folder if needed: a header
// of the column names, then one line per row. Text cells that a
// spreadsheet would run as a formula (=, +, -, @ first) are protected with
// a leading quote (dataset.Protect; dataset.Unprotect reads them back);
// numbers are written as they are, a missing value as an empty cell. The
// file is replaced whole or left as it was (dataset.WriteFile). It prints
// where the file went.
func SaveCSV(df dataframe.DataFrame, path string) error {
	if df.Err != nil {
		return fmt.Errorf("nb: saving %s: %w", path, df.Err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("nb: saving %s: %w", path, err)
	}
	if err := dataset.WriteFile(path, func(w io.Writer) error { return WriteCSV(w, df) }); err != nil {
		return fmt.Errorf("nb: saving a table of %d rows: %w", df.Nrow(), err)
	}
	fmt.Printf("table of %d rows saved to %s\n", df.Nrow(), path)
	return nil
}

// WriteCSV writes df to w as SaveCSV does.
func WriteCSV(w io.Writer, df dataframe.DataFrame) error {
	if df.Err != nil {
		return df.Err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(df.Names()); err != nil {
		return err
	}
	cols := make([]series.Series, df.Ncol())
	for j := range cols {
		cols[j] = df.Col(df.Names()[j])
	}
	rec := make([]string, len(cols))
	for i := 0; i < df.Nrow(); i++ {
		for j, c := range cols {
			rec[j] = csvCell(c, i)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvCell(c series.Series, i int) string {
	e := c.Elem(i)
	if e.IsNA() {
		return ""
	}
	switch c.Type() {
	case series.String:
		return dataset.Protect(e.String())
	case series.Float:
		f := e.Float()
		if math.IsNaN(f) {
			return ""
		}
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return e.String()
}
