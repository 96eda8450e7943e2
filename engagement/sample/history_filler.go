package sample

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

// FillerYears are the years the filler's revisions fall in: before the
// generated participants' own history (which starts in 2019), written as
// yearly bucket files beside its monthly ones.
var FillerYears = []int{2012, 2013, 2014, 2015, 2016, 2017, 2018}

// fillerWorkers is how many filler files are compressed at a time (the
// bzip2 program takes one core each).
const fillerWorkers = 2

// fillerFile is one yearly bucket of the filler.
type fillerFile struct {
	db    string
	year  int
	count int
	rev   int64 // its first revision id
	seed  uint64
}

// WriteFiller adds n revisions by 50,000 non-participants ("Filler editor
// K", none of whom is enrolled) to the dumps of the sample wikis in dir,
// spread evenly over the wikis and FillerYears, in time order, streamed
// to the files (nothing is held in memory): the bulk of a wiki's history
// that the query must scan and leave out. Each file has its own random
// source (from seed, the wiki and the year), so the files are the same
// whichever order they are written in, two at a time.
func WriteFiller(dir string, o HistoryOptions, n int, seed int64) error {
	files := fillerFiles(n, seed)
	next := make(chan fillerFile)
	go func() {
		defer close(next)
		for _, f := range files {
			next <- f
		}
	}()
	errs := make([]error, fillerWorkers)
	var wg sync.WaitGroup
	for k := range fillerWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				name := filepath.Join(dir, o.Snapshot, f.db, fmt.Sprintf("%s.%s.%d.tsv", o.Snapshot, f.db, f.year))
				err := WriteCompressed(name, o.Compress, func(wr io.Writer) error { return fillerYear(wr, f) })
				if err != nil && errs[k] == nil {
					errs[k] = err
				}
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// fillerFiles splits n revisions over the wikis and years, the last file
// taking the remainder.
func fillerFiles(n int, seed int64) []fillerFile {
	per := n / (len(Wikis) * len(FillerYears))
	rev := int64(500_000_000)
	var out []fillerFile
	for wi, w := range Wikis {
		for yi, y := range FillerYears {
			count := per
			if wi == len(Wikis)-1 && yi == len(FillerYears)-1 {
				count = n - per*(len(Wikis)*len(FillerYears)-1)
			}
			out = append(out, fillerFile{db: DBName(w), year: y, count: count, rev: rev, seed: uint64(seed)*1000 + uint64(wi*100+yi)})
			rev += int64(count)
		}
	}
	return out
}

// fillerYear writes the file's revisions in time order.
func fillerYear(wr io.Writer, f fillerFile) error {
	rng := rand.New(rand.NewPCG(f.seed, 0xf111))
	bw := bufio.NewWriterSize(wr, 1<<20)
	from := time.Date(f.year, 1, 1, 0, 0, 0, 0, time.UTC)
	step := float64(365*24*time.Hour) / float64(max(f.count, 1))
	for i := range f.count {
		k := rng.IntN(50_000)
		u := historyUser{ID: int64(10_000_000 + k), CentralID: int64(20_000_000 + k), Name: "Filler editor " + strconv.Itoa(k), Registration: time.Date(2011, 1, 1, 0, 0, 0, 0, time.UTC)}
		page := int64(1_000_000 + rng.IntN(2_000_000))
		r := Revision{ParentID: f.rev + int64(i) - 1, Size: 1000 + rng.IntN(50_000), Comment: "filler edit"}
		r.RevID, r.PageID, r.Title, r.Timestamp, r.SizeDiff = f.rev+int64(i), page, "Filler page "+strconv.FormatInt(page, 10), from.Add(time.Duration(float64(i)*step)).Truncate(time.Second), rng.IntN(400)-100
		bw.WriteString(HistoryLine(revisionEvent(f.db, r, u, true), HistoryColumns))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
