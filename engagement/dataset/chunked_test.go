package dataset

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"example.com/engagement/engagement/metrics"
)

// readSequential reads contributions.csv record by record from a stream:
// what the chunked reader must match.
func readSequential(in []byte, file string, maxRecord int) ([]metrics.Contribution, error) {
	lr := &lineReader{r: bufio.NewReaderSize(bytes.NewReader(in), 16), next: 1, splitter: splitter{max: maxRecord}}
	head, err := lr.read()
	if err == io.EOF {
		if lr.cut {
			return nil, &ParseError{File: file, Line: lr.line, Err: errCutShort}
		}
		return nil, fmt.Errorf("%s: empty file, expected header %q", file, ContributionsHeader)
	}
	if err == nil && lr.cut {
		err = &ParseError{Line: lr.line, Err: errCutShort}
	}
	if err != nil {
		return nil, fixFile(err, file)
	}
	p := &rowParser{file: file, table: &metrics.Table{}}
	if p.idx, err = columns(file, head, ContributionsHeader); err != nil {
		return nil, err
	}
	for {
		rec, err := lr.read()
		if err == nil && lr.cut || err == io.EOF && lr.cut {
			return nil, &ParseError{File: file, Line: lr.line, Err: errCutShort}
		}
		if err == io.EOF {
			return p.table.Rows(), nil
		}
		if err != nil {
			return nil, fixFile(err, file)
		}
		if err := p.row(rec, lr.quoted, lr.line); err != nil {
			return nil, err
		}
	}
}

// Chunks of any size on any number of workers read the rows, and fail on
// the first bad one with its line, exactly as reading record by record.
func FuzzChunkedEqualsSequential(f *testing.F) {
	head := "wiki,username,revid,pageid,ns,title,timestamp,sizediff,new\n"
	row := "en.wikipedia.org,Ada,%d,7,0,\"T, %d\",2021-03-06T10:00:00Z,%d,false\n"
	var sb strings.Builder
	sb.WriteString(head)
	for i := range 40 {
		fmt.Fprintf(&sb, row, i, i, i)
	}
	good := sb.String()
	for _, s := range []string{
		good, "\n\n" + good, "\xef\xbb\xbf" + good, strings.ReplaceAll(good, "\n", "\r\n"),
		good + "en.wikipedia.org,Ada,1,7,0,\"a\nb\",2021-03-06T10:00:00Z,,true", good[:len(good)/2] + "x\"y" + good[len(good)/2:],
		good + "en.wikipedia.org,Ada,x,7,0,T,2021-03-06T10:00:00Z,1,false\n" + good[len(head):],
		good + "\"open\n" + good[len(head):], "", "\n\n", head, "title,wiki\n",
	} {
		f.Add([]byte(s), uint16(7), uint8(2), uint16(0))
		f.Add([]byte(s), uint16(7), uint8(2), uint16(61))
	}
	f.Fuzz(func(t *testing.T, in []byte, chunk uint16, workers uint8, maxRecord uint16) {
		max := MaxRecordBytes // or a few bytes, to reach the limit
		if maxRecord%4 != 0 {
			max = 1 + int(maxRecord%700)
		}
		want, wantErr := readSequential(in, "c.csv", max)
		table, _, gotErr := readContributionsChunked(bytes.NewReader(in), "c.csv", 0, 1+int(chunk%512), 1+int(workers%3), max)
		var got []metrics.Contribution
		if gotErr == nil {
			got = table.Rows()
		}
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("%q: chunked error %v, sequential %v", in, gotErr, wantErr)
		}
		if len(got) != len(want) || len(got) > 0 && !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: chunked\n%v\nsequential\n%v", in, got, want)
		}
	})
}

// The in-memory record reader reads what the stream reader reads.
func TestMemReaderEqualsLineReader(t *testing.T) {
	for _, in := range []string{"a,b\n1,2\n", "a,\"multi\nline\"\n\nx", "a,\"b\r\nc\"\r\n", "\"unterminated\n", "a,b\"c\n", "\n\n"} {
		want, wantOK := fastRecords([]byte(in))
		got, gotOK := memRecords([]byte(in))
		if gotOK != wantOK || !equalRecords(got, want) {
			t.Errorf("%q: memReader %q (ok %v), lineReader %q (ok %v)", in, got, gotOK, want, wantOK)
		}
	}
}

func memRecords(in []byte) (recs [][]string, ok bool) {
	return allRecords((&memReader{b: bytes.Clone(in), next: 1, splitter: splitter{max: MaxRecordBytes}}).read)
}

// The bitmap finds every repeated (wiki, id) pair, each repeat once, and
// declines ids spread too widely.
func TestDuplicatesByBitmap(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for it := range 200 {
		n, wikis := 1+r.IntN(300), 1+r.IntN(3)
		keys := make([]revPair, n)
		want := map[revPair]int{}
		for i := range keys {
			keys[i] = revPair{int32(r.IntN(wikis)), int64(r.IntN(2*n)) - int64(n)}
			want[keys[i]]++
		}
		got, ok := duplicatesByBitmap(len(keys), func(i int) revPair { return keys[i] }, wikis)
		if !ok {
			t.Fatalf("%d: declined %d ids within %d", it, n, 2*n)
		}
		counts := map[revPair]int{}
		for _, k := range got {
			counts[k]++
		}
		for k, c := range want {
			if counts[k] != c-1 {
				t.Fatalf("%d: %v repeated %d times, found %d", it, k, c-1, counts[k])
			}
		}
	}
	if _, ok := duplicatesByBitmap(2, func(i int) revPair { return []revPair{{0, math.MinInt64}, {0, math.MaxInt64}}[i] }, 1); ok {
		t.Error("ids spread over every int64 taken")
	}
}

// A file the reader calls canonical is exactly what WriteContributions
// writes for the rows read from it: copying it instead of writing it again
// changes no byte.
func FuzzCanonicalIsWrittenBack(f *testing.F) {
	head := canonicalHeader
	rows := []string{
		"en.wikipedia.org,Ada,1,7,0,Page,2021-03-06T10:00:00Z,5,false\n",
		"en.wikipedia.org,Ada,2,7,0,\"Paris, Texas\",2021-03-06T10:00:01Z,,true\n",
		"en.wikipedia.org,Ada,3,7,0,,2021-03-06T10:00:02Z,-12,false\n",
		"en.wikipedia.org,Ada,4,7,0,\"Say \"\"hi\"\"\",2021-03-06T10:00:03Z,0,false\n",
		"fr.wikipedia.org,\"Bea, C\",5,8,1,\"a\nb\",2021-03-06T10:00:04Z,7,true\n",
	}
	good := head + strings.Join(rows, "")
	for _, s := range []string{
		good, head, "\xef\xbb\xbf" + good, strings.ReplaceAll(good, "\n", "\r\n"), good + "\n", strings.TrimSuffix(good, "\n"),
		strings.Replace(good, ",5,false", ",05,false", 1), strings.Replace(good, ",5,false", ",+5,false", 1), strings.Replace(good, ",-12,", ",-012,", 1),
		strings.Replace(good, ",Page,", ",\"Page\",", 1), strings.Replace(good, ",7,0,,", ",7,0,\"\",", 1), strings.Replace(good, ",1,7,", ",\"1\",7,", 1),
		strings.Replace(good, "10:00:00Z", "10:00:00+00:00", 1), strings.Replace(good, "10:00:00Z", "10:00:00.5Z", 1), strings.Replace(good, ",-12,", ",-0,", 1),
		strings.Replace(good, head, "username,wiki,revid,pageid,ns,title,timestamp,sizediff,new\n", 1), strings.Replace(good, "false\n", "false,extra\n", 1),
		strings.Replace(good, ",Page,", ", Page,", 1), head + "\n" + strings.Join(rows, ""),
		strings.Replace(good, ",Page,", ",=Page,", 1), strings.Replace(good, ",Page,", ",'=Page,", 1), strings.Replace(good, ",Page,", ",'',", 1),
		strings.Replace(good, ",Page,", ",''',", 1), strings.Replace(good, ",Page,", ",'Allo,", 1), strings.Replace(good, ",Ada,", ",-Ada,", 1),
		strings.Replace(good, ",Ada,", ",'-Ada,", 1), strings.Replace(good, ",Page,", ",\"'\nx\",", 1), strings.Replace(good, ",Page,", ",\"''\nx\",", 1),
	} {
		f.Add([]byte(s), uint16(40), uint8(2))
	}
	f.Fuzz(func(t *testing.T, in []byte, chunk uint16, workers uint8) {
		table, info, err := readContributionsChunked(bytes.NewReader(in), "c.csv", 0, 1+int(chunk%512), 1+int(workers%3), MaxRecordBytes)
		canonical := info.canonical
		if err != nil || !canonical {
			return
		}
		var out bytes.Buffer
		if err := WriteContributionsTable(&out, table); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), in) {
			t.Fatalf("called canonical, but written back differently:\nin  %q\nout %q", in, out.Bytes())
		}
	})
}

// The reader calls the files the program writes canonical, and any file
// written differently not.
func TestCanonical(t *testing.T) {
	good := canonicalHeader + "en.wikipedia.org,Ada,1,7,0,\"Paris, Texas\",2021-03-06T10:00:00Z,,true\n"
	for in, want := range map[string]bool{
		good: true, canonicalHeader: true, strings.Join(ContributionsHeader, ",") + "\n": true,
		strings.ReplaceAll(good, "\n", "\r\n"): false, good + "\n": false,
		strings.Replace(good, ",1,", ",01,", 1): false, strings.Replace(good, "\"Paris, Texas\"", "\"Paris\"", 1): false,
		strings.Replace(good, "00Z", "00+00:00", 1): false, "\xef\xbb\xbf" + good: false,
		// A formula written before cells were protected is written again.
		strings.Replace(good, ",Ada,", ",=Ada,", 1): false, strings.Replace(good, ",Ada,", ",'=Ada,", 1): true,
		strings.Replace(good, ",Ada,", ",''Ada,", 1): false, strings.Replace(good, ",Ada,", ",'Ada,", 1): true,
		strings.Replace(good, ",Ada,", ",''',", 1): true, strings.Replace(good, ",Ada,", ",'',", 1): false,
	} {
		_, info, err := readContributionsChunked(strings.NewReader(in), "c.csv", 0, 16, 2, MaxRecordBytes)
		got := info.canonical
		if err != nil || got != want {
			t.Errorf("%q: canonical %v (error %v), want %v", in, got, err, want)
		}
	}
}

// longLine is a header and then one line of n bytes without a line end
// (quoted says whether it opens with a quote that never closes).
func longLine(n int, quoted bool) []byte {
	b := append([]byte(canonicalHeader), bytes.Repeat([]byte("x"), n)...)
	if quoted {
		b[len(canonicalHeader)] = '"'
	}
	return b
}

// The record-boundary scan looks at each byte a bounded number of times,
// however long the line: a 16 MiB line without a line end, read 64 KiB at
// a time, is scanned once (it was scanned again at every read: 256 times
// as much work, 2 GiB).
func TestChunkScanIsLinear(t *testing.T) {
	for _, quoted := range []bool{false, true} {
		in := longLine(16<<20, quoted)
		ch := &chunker{r: bytes.NewReader(in), size: 64 << 10, line: 1, max: 1 << 30, free: make(chan []byte, 4), limit: 4}
		total := 0
		for {
			b, _, err := ch.next()
			if err != nil {
				t.Fatal(err)
			}
			if b == nil {
				break
			}
			total += len(b)
			ch.release(b)
		}
		if total != len(in) {
			t.Fatalf("chunks hold %d bytes, the input %d", total, len(in))
		}
		if ch.looked > int64(len(in)) {
			t.Errorf("quoted %v: %d bytes scanned for an input of %d", quoted, ch.looked, len(in))
		}
	}
}

// Reading a long line without a line end takes time in proportion to its
// length: compare the ns/op of the sizes (each 4 times the last). The
// record limit is lifted here (MaxRecordBytes would refuse the line after
// its first MiB) to time the scan itself.
func BenchmarkLongLine(b *testing.B) {
	for _, n := range []int{4 << 20, 16 << 20, 64 << 20} {
		for _, quoted := range []bool{false, true} {
			in := longLine(n, quoted)
			b.Run(fmt.Sprintf("%dMiB/quoted=%v", n>>20, quoted), func(b *testing.B) {
				b.SetBytes(int64(len(in)))
				for b.Loop() {
					if _, _, err := readContributionsChunked(bytes.NewReader(in), "c.csv", 0, 1<<20, 2, 1<<40); err == nil {
						b.Fatal("no error")
					}
				}
			})
		}
	}
}
