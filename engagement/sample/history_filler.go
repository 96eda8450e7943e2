package sample

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"time"
)

// FillerYears are the years the filler's revisions fall in: before the
// generated participants' own history (which starts in 2019), written as
// yearly bucket files beside its monthly ones.
var FillerYears = []int{2012, 2013, 2014, 2015, 2016, 2017, 2018}

// WriteFiller adds n revisions by 50,000 non-participants ("Filler editor
// K", none of whom is enrolled) to the dumps of the sample wikis in dir,
// spread evenly over the wikis and FillerYears, in time order, streamed
// to the files (nothing is held in memory): the bulk of a wiki's history
// that the query must scan and leave out.
func WriteFiller(dir string, o HistoryOptions, n int, seed int64) error {
	rng := rand.New(rand.NewPCG(uint64(seed), 0xf111))
	per := n / (len(Wikis) * len(FillerYears))
	rev := int64(500_000_000)
	for wi, w := range Wikis {
		db := DBName(w)
		for yi, y := range FillerYears {
			count := per
			if wi == len(Wikis)-1 && yi == len(FillerYears)-1 {
				count = n - per*(len(Wikis)*len(FillerYears)-1)
			}
			name := filepath.Join(dir, o.Snapshot, db, fmt.Sprintf("%s.%s.%d.tsv", o.Snapshot, db, y))
			start := rev
			err := WriteCompressed(name, o.Compress, func(wr io.Writer) error { return fillerYear(wr, rng, db, y, count, start) })
			if err != nil {
				return err
			}
			rev += int64(count)
		}
	}
	return nil
}

// fillerYear writes count revisions of year y in time order.
func fillerYear(wr io.Writer, rng *rand.Rand, db string, y, count int, rev int64) error {
	bw := bufio.NewWriterSize(wr, 1<<20)
	from := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	step := float64(365*24*time.Hour) / float64(max(count, 1))
	for i := range count {
		k := rng.IntN(50_000)
		u := historyUser{ID: int64(10_000_000 + k), CentralID: int64(20_000_000 + k), Name: "Filler editor " + strconv.Itoa(k), Registration: time.Date(2011, 1, 1, 0, 0, 0, 0, time.UTC)}
		page := int64(1_000_000 + rng.IntN(2_000_000))
		r := Revision{ParentID: rev + int64(i) - 1, Size: 1000 + rng.IntN(50_000), Comment: "filler edit"}
		r.RevID, r.PageID, r.Title, r.Timestamp, r.SizeDiff = rev+int64(i), page, "Filler page "+strconv.FormatInt(page, 10), from.Add(time.Duration(float64(i)*step)).Truncate(time.Second), rng.IntN(400)-100
		bw.WriteString(HistoryLine(revisionEvent(db, r, u, true), HistoryColumns))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
