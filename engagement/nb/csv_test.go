package nb

import (
	"bytes"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement/dataset"
)

func TestSaveCSVProtectsFormulasAndKeepsNumbers(t *testing.T) {
	df := dataframe.New(
		series.New([]string{"=HYPERLINK(\"x\")", "-Jane", "Plain, with comma"}, series.String, "username"),
		series.New([]float64{-42, math.NaN(), 0.25}, series.Float, "value"),
		series.New([]int{-1, 0, 3}, series.Int, "sizediff"))
	path := filepath.Join(t.TempDir(), "out", "frame.csv")
	if err := SaveCSV(df, path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := "username,value,sizediff\n" +
		"\"'=HYPERLINK(\"\"x\"\")\",-42,-1\n" +
		"'-Jane,,0\n" +
		"\"Plain, with comma\",0.25,3\n"
	if string(b) != want {
		t.Fatalf("got\n%s\nwant\n%s", b, want)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, u := range []string{"=HYPERLINK(\"x\")", "-Jane", "Plain, with comma"} {
		if got := dataset.Unprotect(recs[i+1][0]); got != u {
			t.Errorf("row %d reads back as %q, want %q", i+1, got, u)
		}
	}
}

func TestSaveCSVNamesThePathOnFailure(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(blocker, "frame.csv")
	err := SaveCSV(testFrame(), path)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("want an error naming %s; got %v", path, err)
	}
	bad := dataframe.DataFrame{Err: os.ErrInvalid}
	if err := SaveCSV(bad, filepath.Join(dir, "x.csv")); err == nil || !strings.Contains(err.Error(), "x.csv") {
		t.Fatalf("a frame in error: want an error naming x.csv; got %v", err)
	}
}

func TestPointsAndLabelsInTables(t *testing.T) {
	df := dataframe.New(
		series.New([]string{"retention_30d", "active_m1"}, series.String, "metric"),
		series.New([]float64{0.25, 0.5}, series.Float, "new"),
		series.New([]float64{-0.42, math.NaN()}, series.Float, "difference"),
		series.New([]float64{0.031, 0}, series.Float, "difference_high"))
	var b bytes.Buffer
	if err := TableText(&b, df, &TableOptions{Label: "metric", Percent: []string{"new"}, Points: []string{"difference", "difference_high"}}); err != nil {
		t.Fatal(err)
	}
	want := "measure                              metric         new     difference  difference_high\n" +
		"Edited again 30+ days after the end  retention_30d  25.0 %  −42.0 pts   +3.1 pts\n" +
		"Edited in month 1 after the end      active_m1      50.0 %  —           0.0 pts\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
