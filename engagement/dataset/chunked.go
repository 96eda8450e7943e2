package dataset

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"example.com/engagement/engagement/metrics"
	"example.com/engagement/internal/hugealloc"
)

// memReader yields the records of b, a run of whole records held in
// memory, like lineReader yields those of a stream. Fields are slices of b.
type memReader struct {
	b     []byte
	pos   int
	next  int  // line number of the next record
	blank bool // a blank line was skipped
	splitter
}

// read returns the fields of the next record, or io.EOF; blank lines are
// skipped.
func (m *memReader) read() ([][]byte, error) {
	for {
		if m.pos >= len(m.b) {
			return nil, io.EOF
		}
		m.line = m.next
		start, quotes := m.pos, 0
		for { // a quoted field may span lines: read on while quotes are unbalanced
			i := bytes.IndexByte(m.b[m.pos:], '\n')
			end := len(m.b)
			if i >= 0 {
				end = m.pos + i + 1
				m.next++
			}
			m.cut = i < 0
			quotes += bytes.Count(m.b[m.pos:end], []byte{'"'})
			m.pos = end
			if m.pos-start > m.max {
				return nil, &ParseError{Line: m.line, Err: errLong(m.max)}
			}
			if quotes%2 == 0 {
				break
			}
			if i < 0 {
				return nil, &ParseError{Line: m.line, Err: errQuote}
			}
		}
		rec, err := m.split(m.b[start:m.pos])
		if err != nil || rec != nil {
			return rec, err
		}
		m.blank = true
	}
}

// chunker cuts a stream into chunks of whole records (at a line end where
// the quotes so far are balanced), each about size bytes. Each byte read is
// scanned once, however long its line: a file without a line end costs
// time in proportion to its size.
type chunker struct {
	r       io.Reader
	size    int
	buf     []byte // bytes read and not yet handed out
	scanned int    // buf[:scanned] is scanned; the quotes there have parity odd
	odd     bool
	cut     int   // end of the last whole record in buf[:scanned]
	line    int   // line number of buf[0]
	max     int   // the most bytes of a record
	looked  int64 // bytes scanned in all, for tests
	eof     bool
	free    chan []byte // buffers back from the workers
	made    int         // buffers in use or in free
	limit   int
}

// next returns the next chunk and the line it starts on; nil at the end.
func (c *chunker) next() ([]byte, int, error) {
	for {
		if len(c.buf)-c.cut > c.max { // the record after the last cut is too long
			if c.cut > 0 {
				return c.take() // the records before it first
			}
			return nil, 0, &ParseError{Line: c.line, Err: errLong(c.max)}
		}
		if c.cut > 0 && (len(c.buf) >= c.size || c.eof) || c.eof {
			return c.take()
		}
		if err := c.fill(); err != nil {
			return nil, 0, err
		}
		c.scan()
	}
}

// fill reads up to size more bytes.
func (c *chunker) fill() error {
	if cap(c.buf)-len(c.buf) < c.size { // grow by doubling: a stray quote makes one chunk of the rest of the file
		nb := c.alloc(max(2*len(c.buf), len(c.buf)+c.size))
		old := c.buf
		c.buf = append(nb[:0], c.buf...)
		switch {
		case cap(old) > 2*c.size:
			c.made-- // grown for a long record: left to the collector, not kept in free
		case cap(old) > 0:
			c.release(old)
		}
	}
	n, err := io.ReadFull(c.r, c.buf[len(c.buf):len(c.buf)+c.size])
	c.buf = c.buf[:len(c.buf)+n]
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		c.eof = true
		return nil
	}
	return err
}

// alloc returns a buffer of at least n bytes capacity: a returned one if
// it is large enough, a new one while fewer than limit exist, else the next
// one returned (workers return every chunk once parsed).
func (c *chunker) alloc(n int) []byte {
	for {
		var b []byte
		select {
		case b = <-c.free:
		default:
			if c.made < c.limit {
				c.made++
				return hugealloc.Make[byte](0, max(n, 2*c.size))
			}
			b = <-c.free
		}
		if cap(b) >= n {
			return b[:0]
		}
		c.made-- // too small: dropped
	}
}

// release returns a buffer the chunker no longer uses.
func (c *chunker) release(b []byte) {
	select {
	case c.free <- b[:0]:
	default:
		c.made--
	}
}

// scan moves c.cut to the last line end of buf with balanced quotes,
// scanning only the bytes read since the last scan.
func (c *chunker) scan() {
	rest := c.buf[c.scanned:]
	c.looked += int64(len(rest))
	if !c.odd && bytes.IndexByte(rest, '"') < 0 {
		if i := bytes.LastIndexByte(rest, '\n'); i >= 0 {
			c.cut = c.scanned + i + 1
		}
		c.scanned = len(c.buf)
		return
	}
	for len(rest) > 0 {
		line := rest
		i := bytes.IndexByte(rest, '\n')
		if i >= 0 {
			line = rest[:i+1]
		}
		if bytes.Count(line, []byte{'"'})%2 == 1 {
			c.odd = !c.odd
		}
		c.scanned += len(line)
		rest = rest[len(line):]
		if i >= 0 && !c.odd {
			c.cut = c.scanned
		}
	}
}

// take hands out buf[:cut] (everything at the end of the stream) and keeps
// the rest.
func (c *chunker) take() ([]byte, int, error) {
	cut := c.cut
	if c.eof {
		cut = len(c.buf)
	}
	if cut == 0 {
		return nil, 0, nil
	}
	chunk, rest := c.buf[:cut], c.buf[cut:]
	nb := c.alloc(len(rest) + c.size)
	c.buf = append(nb, rest...)
	c.scanned -= cut // the quotes of buf[:cut] are balanced: odd holds for the rest
	c.cut = 0
	line := c.line
	c.line += bytes.Count(chunk, []byte{'\n'})
	return chunk, line, nil
}

// rowParser turns records into contributions; each worker has its own.
type rowParser struct {
	file  string
	idx   []int
	table *metrics.Table
	// clean is true while the bytes being parsed are known to be valid
	// UTF-8 without NUL: no cell then needs checkText.
	clean bool
	// canonical stays true while every row parsed would be written back
	// byte for byte (see canonicalRow).
	canonical bool
	// rewritten lists the timestamps written otherwise than read (an
	// offset other than Z), by row of p.table.
	rewritten []timeNote
}

// timeNote is a timestamp whose text is not the one written for it: row
// is its row, text as read.
type timeNote struct {
	row  int
	text string
}

// readInfo is what reading contributions.csv found besides its rows.
type readInfo struct {
	// canonical reports whether WriteContributions writes the file back
	// byte for byte.
	canonical bool
	rewritten []timeNote
}

// rows parses every record of m into p.table.
func (p *rowParser) rows(m *memReader) error {
	// One check of the whole chunk instead of one per cell: cells are cut
	// at ASCII bytes, so the cells of valid text are valid.
	p.clean = bytes.IndexByte(m.b, 0) < 0 && utf8.Valid(m.b)
	defer func() { p.clean = false }()
	// A line break that is not "\n" alone, or no line break at the end, is
	// written differently.
	p.canonical = p.canonical && len(m.b) > 0 && m.b[len(m.b)-1] == '\n' && bytes.IndexByte(m.b, '\r') < 0
	for {
		rec, err := m.read()
		if err == io.EOF {
			p.canonical = p.canonical && !m.blank
			if m.cut {
				return &ParseError{File: p.file, Line: m.line, Err: errCutShort}
			}
			return nil
		}
		if err != nil {
			return fixFile(err, p.file)
		}
		if m.cut {
			return &ParseError{File: p.file, Line: m.line, Err: errCutShort}
		}
		if err := p.row(rec, m.quoted, m.line); err != nil {
			return err
		}
	}
}

// chunkResult is what a worker made of one chunk.
type chunkResult struct {
	rows      *metrics.Table
	canonical bool
	rewritten []timeNote
	err       error
}

// readContributionsChunked reads contributions.csv in chunks of about
// chunk bytes cut at record boundaries, parsed by workers and joined in
// order: the result, and the first error in file order, are those of
// reading it record by record.
func readContributionsChunked(r io.Reader, file string, sizeHint, chunk, workers, maxRecord int) (t *metrics.Table, info readInfo, err error) {
	limit := 3*workers + 4 // queued, being parsed, being filled, the first chunk
	ch := &chunker{r: r, size: chunk, line: 1, max: maxRecord, free: make(chan []byte, limit), limit: limit}
	first := &rowParser{file: file, table: metrics.NewTableAlloc(sizeHint, hugeColumns())}
	// The header, then the first chunk's rows, here.
	var m *memReader
	for first.idx == nil {
		var b []byte
		var line int
		b, line, err = ch.next()
		if err != nil {
			return nil, info, fixFile(err, file)
		}
		if b == nil {
			return nil, info, fmt.Errorf("%s: empty file, expected header %q", file, ContributionsHeader)
		}
		m = &memReader{b: b, next: line, splitter: splitter{bom: line > 1, max: maxRecord}}
		head, err := m.read()
		if err == io.EOF && !m.cut {
			ch.free <- b[:0] // never blocks: free holds every buffer
			continue
		}
		if (err == nil || err == io.EOF) && m.cut {
			err = &ParseError{Line: m.line, Err: errCutShort}
		}
		if err != nil {
			return nil, info, fixFile(err, file)
		}
		if first.idx, err = columns(file, head, ContributionsHeader); err != nil {
			return nil, info, err
		}
		first.canonical = line == 1 && bytes.HasPrefix(b, []byte(canonicalHeader))
	}
	if err := first.rows(m); err != nil {
		return nil, info, err
	}
	if n := first.table.Len(); n > 0 && sizeHint > n { // room for the titles too, at the first chunk's bytes per title
		first.table.Grow(0, int(int64(sizeHint-n)*int64(first.table.TitleBytes())/int64(n)*21/20))
	}
	ch.free <- m.b[:0]
	return readChunks(ch, first, workers)
}

// parseChunk parses the chunk b, which starts on line, into table with
// out's columns, and gives b back to ch.
func (out *rowParser) parseChunk(ch *chunker, b []byte, line int, table *metrics.Table) chunkResult {
	p := &rowParser{file: out.file, idx: out.idx, canonical: true, table: table}
	err := p.rows(&memReader{b: b, next: line, splitter: splitter{bom: true, max: ch.max}})
	ch.free <- b[:0]
	return chunkResult{p.table, p.canonical, p.rewritten, err}
}

// join appends a chunk's rows, in file order, to p's.
func (p *rowParser) join(r chunkResult) {
	p.canonical = p.canonical && r.canonical
	for _, n := range r.rewritten {
		p.rewritten = append(p.rewritten, timeNote{p.table.Len() + n.row, n.text})
	}
	p.table.AppendTable(r.rows)
}

// chunkJob is a chunk for a worker: its bytes, first line, and where its
// result goes.
type chunkJob struct {
	b    []byte
	line int
	res  chan chunkResult
}

// feed cuts ch into chunks and queues each for the workers, and its result
// in order, until the end, stop or an error, which it returns.
func feed(ch *chunker, file string, jobs chan<- chunkJob, order chan<- chan chunkResult, stop *atomic.Bool) error {
	for !stop.Load() {
		b, line, err := ch.next()
		if err != nil {
			return fixFile(err, file)
		}
		if b == nil {
			return nil
		}
		res := make(chan chunkResult, 1)
		order <- res
		jobs <- chunkJob{b, line, res}
	}
	return nil
}

// readChunks parses the chunks left in ch on workers and appends their
// rows to out.table in order.
func readChunks(ch *chunker, out *rowParser, workers int) (*metrics.Table, readInfo, error) {
	jobs := make(chan chunkJob)
	order := make(chan chan chunkResult, 2*workers)
	spare := make(chan *metrics.Table, 2*workers+2) // chunk tables back from the join, for reuse
	var stop atomic.Bool
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if stop.Load() {
					ch.free <- j.b[:0]
					j.res <- chunkResult{}
					continue
				}
				var table *metrics.Table
				select {
				case table = <-spare:
					metrics.TableBuilder{T: table}.Reset()
				default:
					table = metrics.NewTableAlloc(len(j.b)/80, hugeColumns())
				}
				j.res <- out.parseChunk(ch, j.b, j.line, table)
			}
		}()
	}
	var readErr error
	go func() {
		readErr = feed(ch, out.file, jobs, order, &stop)
		close(jobs)
		close(order) // after readErr is set: the join reads it once order is done
	}()
	var firstErr error
	for res := range order {
		r := <-res
		if firstErr == nil && r.err != nil {
			firstErr = r.err
			stop.Store(true)
		}
		if firstErr == nil {
			out.join(r)
			select {
			case spare <- r.rows:
			default:
			}
		}
	}
	wg.Wait()
	if firstErr == nil {
		firstErr = readErr
	}
	if firstErr != nil {
		return nil, readInfo{}, firstErr
	}
	return out.table, readInfo{out.canonical, out.rewritten}, nil
}

// canonicalHeader is the header line WriteContributions writes
// (ContributionsHeader).
const canonicalHeader = "wiki,username,revid,pageid,ns,title,timestamp,sizediff,new\n"

// hugeColumns gives the columns of the tables contributions.csv is read
// into memory advised for huge pages (hugealloc.Make): they are filled
// once, from start to end, and read often.
func hugeColumns() metrics.Alloc {
	return metrics.Alloc{Uint32s: hugealloc.Make[uint32], Int64s: hugealloc.Make[int64], Ints: hugealloc.Make[int], Bytes: hugealloc.Make[byte]}
}
