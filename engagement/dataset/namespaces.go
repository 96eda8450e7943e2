package dataset

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
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
	ns, _, err := readNamespaces(r, file)
	return ns, err
}

// readNamespaces is ReadNamespaces, also giving the line of each row.
func readNamespaces(r io.Reader, file string) ([]Namespace, []int, error) {
	rd, err := newReader(r, file, NamespacesHeader)
	if err != nil {
		return nil, nil, err
	}
	var out []Namespace
	var lines []int
	var row []string
	for {
		var line int
		row, line, err = rd.next(row)
		if err == io.EOF {
			return out, lines, nil
		}
		if err != nil {
			return nil, nil, err
		}
		n := Namespace{Wiki: Unprotect(row[0]), Name: Unprotect(row[2])}
		if n.NS, err = strconv.Atoi(row[1]); err != nil {
			return nil, nil, rd.bad(line, 1, fmt.Errorf("not an integer: %q", row[1]))
		}
		if n.Content, err = parseBool(row[3]); err != nil {
			return nil, nil, rd.bad(line, 3, err)
		}
		out = append(out, n)
		lines = append(lines, line)
	}
}

// normaliseNamespaces lower-cases the wiki domains of namespaces.csv, the
// way contributions.csv's are, and drops a row that repeats another
// exactly; two rows of one namespace that differ are an error naming both
// lines. Every change is noted in d.Normalised.
func (d *Data) normaliseNamespaces(path string, ns []Namespace, lines []int) ([]Namespace, error) {
	type key struct {
		wiki string
		ns   int
	}
	type place struct{ kept, line int }
	seen := map[key]place{}
	kept := ns[:0]
	for i, n := range ns {
		if w := strings.ToLower(n.Wiki); w != n.Wiki {
			d.Normalised.noteLine(NamespacesFile, "wiki domains lower-cased", lines[i], n.Wiki)
			n.Wiki = w
		}
		k := key{n.Wiki, n.NS}
		if p, dup := seen[k]; dup {
			if o := kept[p.kept]; o != n {
				return nil, fmt.Errorf("%s: namespace %d of %s appears twice with different values (lines %d and %d: name %q and %q, content %v and %v)",
					path, n.NS, n.Wiki, p.line, lines[i], o.Name, n.Name, o.Content, n.Content)
			}
			d.Normalised.noteLine(NamespacesFile, "duplicate namespaces dropped", lines[i], fmt.Sprintf("namespace %d of %s", n.NS, n.Wiki))
			continue
		}
		seen[k] = place{len(kept), lines[i]}
		kept = append(kept, n)
	}
	return kept, nil
}
