package dataset

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// NamespacesFile lists the scope wikis' namespaces, so a re-analysis counts
// the same content namespaces as the run that wrote it.
const NamespacesFile = "namespaces.csv"

// NamespacesHeader is the header of namespaces.csv.
var NamespacesHeader = []string{"wiki", "ns", "name", "content"}

// Namespace is one row of namespaces.csv.
type Namespace struct {
	Wiki    string
	NS      int
	Name    string
	Content bool
}

// WriteNamespaces writes namespaces.csv, sorted by wiki and namespace.
func WriteNamespaces(w io.Writer, ns []Namespace) error {
	ns = slices.Clone(ns)
	slices.SortFunc(ns, func(a, b Namespace) int { return cmp.Or(cmp.Compare(a.Wiki, b.Wiki), cmp.Compare(a.NS, b.NS)) })
	cw := newWriter(w, NamespacesHeader)
	for _, n := range ns {
		cw.str(n.Wiki)
		cw.int(int64(n.NS))
		cw.str(n.Name)
		cw.bool(n.Content)
		if err := cw.end(); err != nil {
			return err
		}
	}
	return cw.w.Flush()
}

// ReadNamespaces reads namespaces.csv.
func ReadNamespaces(r io.Reader, file string) ([]Namespace, error) {
	rd, err := newReader(r, file, NamespacesHeader)
	if err != nil {
		return nil, err
	}
	var out []Namespace
	var row []string
	for {
		var line int
		row, line, err = rd.next(row)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		n := Namespace{Wiki: Unprotect(row[0]), Name: Unprotect(row[2])}
		if n.NS, err = strconv.Atoi(row[1]); err != nil {
			return nil, rd.bad(line, 1, fmt.Errorf("not an integer: %q", row[1]))
		}
		if n.Content, err = parseBool(row[3]); err != nil {
			return nil, rd.bad(line, 3, err)
		}
		out = append(out, n)
	}
}
