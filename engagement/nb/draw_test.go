package nb

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement/chart"
)

// A chart of an empty frame is left out with its reason and the cell goes
// on; a chart that draws is saved; any other error ends the cell with its
// message.
func TestDrawShow(t *testing.T) {
	dir := t.TempDir()
	empty := dataframe.New(series.New([]string{}, series.String, "who"), series.New([]int{}, series.Int, "n"))
	var out bytes.Buffer
	exited := -1
	exit := func(code int) { exited = code }
	Draw(chart.Bar(empty, "who", "n")).show("empty", &out, exit, Dir(dir))
	if _, err := os.Stat(filepath.Join(dir, "empty.png")); exited != -1 || err == nil {
		t.Errorf("an empty frame ended the cell or was drawn: exit %d, %s", exited, out.String())
	}
	full := dataframe.New(series.New([]string{"a", "b"}, series.String, "who"), series.New([]int{3, 1}, series.Int, "n"))
	Draw(chart.Bar(full, "who", "n")).show("full", &out, exit, Dir(dir))
	if _, err := os.Stat(filepath.Join(dir, "full.png")); err != nil || exited != -1 {
		t.Errorf("a chart with data was not saved: %v (exit %d)", err, exited)
	}
	Draw(nil, errors.New("column \"x\" not in the frame")).show("bad", &out, exit, Dir(dir))
	if exited != 1 || !strings.Contains(out.String(), `column "x" not in the frame`) {
		t.Errorf("exit %d, output %q", exited, out.String())
	}
}
