package dataset

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"
)

// records reads every record with encoding/csv (variable field counts),
// skipping nothing it does not skip; ok is false when it stops on an error.
func csvRecords(in []byte) (recs [][]string, ok bool) {
	r := csv.NewReader(bytes.NewReader(in))
	r.FieldsPerRecord = -1
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return recs, true
		}
		if err != nil {
			return recs, false
		}
		recs = append(recs, rec)
	}
}

func fastRecords(in []byte) (recs [][]string, ok bool) {
	return allRecords(newLineReader(bytes.NewReader(in)).read)
}

// allRecords copies every record read returns; ok is false when it stops
// on an error.
func allRecords(read func() ([][]byte, error)) (recs [][]string, ok bool) {
	for {
		rec, err := read()
		if err == io.EOF {
			return recs, true
		}
		if err != nil {
			return recs, false
		}
		var out []string
		for _, f := range rec {
			out = append(out, string(f))
		}
		recs = append(recs, out)
	}
}

// The fast reader reads exactly what encoding/csv reads, and fails where
// it fails.
func FuzzFastReaderEqualsEncodingCSV(f *testing.F) {
	for _, s := range []string{
		"a,b\n1,2\n", "a,\"b,c\"\n", "a,\"multi\nline\"\n", "x,\"say \"\"hi\"\"\"\n", "a,b\"c\n", "\"a\"b,c\n",
		"a,\"b\r\nc\"\r\n", "a,b\r\n\r\nc,d", "\"unterminated\n", "a\rb,c\n", ",,\n", "\n\n", "a,\"\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if bytes.HasPrefix(in, []byte("\xef\xbb\xbf")) || bytes.IndexByte(in, '\r') >= 0 && !bytes.Contains(in, []byte("\r\n")) {
			t.Skip("a BOM is stripped on purpose; a lone carriage return is not a line end in either")
		}
		want, wantOK := csvRecords(in)
		got, gotOK := fastRecords(in)
		if gotOK != wantOK {
			t.Fatalf("%q: fast ok=%v, encoding/csv ok=%v", in, gotOK, wantOK)
		}
		if wantOK && !equalRecords(got, want) {
			t.Fatalf("%q:\nfast         %q\nencoding/csv %q", in, got, want)
		}
	})
}

func equalRecords(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "\x00") != strings.Join(b[i], "\x00") || len(a[i]) != len(b[i]) {
			return false
		}
	}
	return true
}

// A stray quote makes the rest of the file one unterminated field: an
// error, reached in linear time (see BenchmarkStrayQuote).
func TestStrayQuoteIsAnError(t *testing.T) {
	in := "wiki,username,revid,pageid,ns,title,timestamp,sizediff,new\n" +
		"en.wikipedia.org,A,1,1,0,\"Stray,2021-03-06T10:00:00Z,1,false\n" +
		strings.Repeat("en.wikipedia.org,A,2,1,0,T,2021-03-06T10:00:00Z,1,false\n", 3)
	_, err := ReadContributions(strings.NewReader(in), "c.csv")
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 2 {
		t.Fatalf("err = %v, want a parse error at line 2", err)
	}
}

func BenchmarkStrayQuote(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("wiki,username,revid,pageid,ns,title,timestamp,sizediff,new\n")
	sb.WriteString("en.wikipedia.org,A,1,1,0,\"Stray,2021-03-06T10:00:00Z,1,false\n")
	for range 100_000 {
		sb.WriteString("en.wikipedia.org,A,2,1,0,T,2021-03-06T10:00:00Z,1,false\n")
	}
	in := sb.String()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := ReadContributions(strings.NewReader(in), "c.csv"); err == nil {
			b.Fatal("no error")
		}
	}
}
