package dashboard

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// walker visits a well-formed JSON document (checked by the caller) once,
// byte by byte: it finds keys given twice in one object (encoding/json
// silently keeps the last, matching keys without regard to case, so
// "start" and "Start" are the same key to it) and hands every object member
// and array element to the optional hooks, with its path and offsets.
type walker struct {
	doc  []byte
	pos  int
	path []step     // from the root to the current value
	seen [][]keyPos // keys of the open objects, one list per depth
	// member, when set, is called after each object member's value, with
	// the offsets of its key and of its value's first and past-last byte,
	// and after each array element's, with keyOff -1.
	member func(w *walker, keyOff, valOff, valEnd int) error
	// cased collects the keys with a capital letter, an escape or non-ASCII
	// (which encoding/json may match to a field only by ignoring case).
	cased []casedKey
}

// casedKey is a key that may match a field only by ignoring case.
type casedKey struct {
	parent []step // the path of its object
	key    []byte // decoded
	off    int
}

// step is one level of a path: an object's key (decoded; a slice of the
// document unless it holds escapes) or an array's index (key nil).
type step struct {
	key []byte
	idx int
}

// keyIs reports whether the step is the key k, as encoding/json matches
// keys (ignoring case).
func (s step) keyIs(k string) bool { return s.key != nil && bytes.EqualFold(s.key, []byte(k)) }

// keyPos is a key seen in an object and where.
type keyPos struct {
	raw   []byte // as written, without quotes
	off   int
	plain bool // ASCII without escapes: only keys of its length can equal it
}

// walkJSON walks doc, returning the first key given twice as an error
// naming it, its line and column, and the first one's.
func walkJSON(name string, doc []byte, member func(w *walker, keyOff, valOff, valEnd int) error) error {
	_, err := walkDoc(name, doc, member)
	return err
}

// walkDoc is walkJSON, also returning the walker.
func walkDoc(name string, doc []byte, member func(w *walker, keyOff, valOff, valEnd int) error) (*walker, error) {
	w := &walker{doc: doc, member: member}
	return w, w.walk(name)
}

func (w *walker) walk(name string) error {
	doc := w.doc
	w.ws()
	if w.pos >= len(doc) {
		return nil
	}
	if err := w.value(); err != nil {
		if de, ok := err.(*dupKeyError); ok {
			return de.explain(name, doc)
		}
		return err
	}
	return nil
}

// dupKeyError is a key given twice in one object.
type dupKeyError struct {
	path        string
	key, first  string
	off, offOld int
}

func (e *dupKeyError) Error() string { return "key " + e.key + " given twice" }

func (e *dupKeyError) explain(name string, doc []byte) error {
	l, c := lineCol(doc, int64(e.off))
	l0, c0 := lineCol(doc, int64(e.offOld))
	where := "the top level"
	if e.path != "" {
		where = e.path
	}
	as := ""
	if e.first != e.key {
		as = fmt.Sprintf(" as %q", e.first)
	}
	return fmt.Errorf("%s: line %d, column %d: key %q given twice in %s (first%s at line %d, column %d): a reader would silently keep only the last; remove one", name, l, c, e.key, where, as, l0, c0)
}

// pathString joins the path as "course.users[3].role".
func (w *walker) pathString() string {
	var b strings.Builder
	for _, p := range w.path {
		switch {
		case p.key == nil:
			b.WriteString("[" + strconv.Itoa(p.idx) + "]")
		case b.Len() > 0:
			b.WriteByte('.')
			fallthrough
		default:
			b.Write(p.key)
		}
	}
	return b.String()
}

func (w *walker) ws() {
	for w.pos < len(w.doc) {
		switch w.doc[w.pos] {
		case ' ', '\t', '\n', '\r':
			w.pos++
		default:
			return
		}
	}
}

func (w *walker) value() error {
	w.ws()
	switch w.doc[w.pos] {
	case '{':
		return w.object()
	case '[':
		return w.array()
	case '"':
		w.str()
	default: // a number, true, false or null
		for w.pos < len(w.doc) {
			switch w.doc[w.pos] {
			case ' ', '\t', '\r', '\n', ',', ']', '}':
				return nil
			}
			w.pos++
		}
	}
	return nil
}

// str skips a string at w.pos and returns its content as written.
func (w *walker) str() []byte {
	start := w.pos + 1
	i := start
	for {
		i += bytes.IndexByte(w.doc[i:], '"')
		esc := 0 // backslashes just before the quote
		for w.doc[i-1-esc] == '\\' {
			esc++
		}
		if esc%2 == 0 {
			w.pos = i + 1
			return w.doc[start:i]
		}
		i++
	}
}

func (w *walker) array() error {
	w.pos++
	for n := 0; ; n++ {
		w.ws()
		if w.doc[w.pos] == ']' {
			w.pos++
			return nil
		}
		if w.doc[w.pos] == ',' {
			w.pos++
		}
		w.ws()
		valOff := w.pos
		w.path = append(w.path, step{idx: n})
		err := w.value()
		if err == nil && w.member != nil {
			err = w.member(w, -1, valOff, w.pos)
		}
		w.path = w.path[:len(w.path)-1]
		if err != nil {
			return err
		}
	}
}

func (w *walker) object() error {
	w.pos++
	depth := len(w.seen)
	if cap(w.seen) > depth {
		w.seen = w.seen[:depth+1]
		w.seen[depth] = w.seen[depth][:0]
	} else {
		w.seen = append(w.seen, nil)
	}
	defer func() { w.seen = w.seen[:depth] }()
	for {
		w.ws()
		if w.doc[w.pos] == '}' {
			w.pos++
			return nil
		}
		if w.doc[w.pos] == ',' {
			w.pos++
			w.ws()
		}
		keyOff := w.pos
		raw := w.str()
		plain, cased := keyFlags(raw)
		for _, k := range w.seen[depth] {
			if (!plain || !k.plain || len(k.raw) == len(raw)) && sameKey(k.raw, raw) {
				return &dupKeyError{path: w.pathString(), key: keyText(raw), first: keyText(k.raw), off: keyOff, offOld: k.off}
			}
		}
		w.seen[depth] = append(w.seen[depth], keyPos{raw, keyOff, plain})
		if cased {
			w.cased = append(w.cased, casedKey{parent: slices.Clone(w.path), key: keyBytes(raw), off: keyOff})
		}
		w.ws()
		w.pos++ // ':'
		w.ws()
		valOff := w.pos
		w.path = append(w.path, step{key: keyBytes(raw)})
		err := w.value()
		if err == nil && w.member != nil {
			err = w.member(w, keyOff, valOff, w.pos)
		}
		w.path = w.path[:len(w.path)-1]
		if err != nil {
			return err
		}
	}
}

// sameKey reports whether two keys as written name the same field for
// encoding/json: equal after decoding escapes, ignoring case.
func sameKey(a, b []byte) bool {
	if bytes.IndexByte(a, '\\') < 0 && bytes.IndexByte(b, '\\') < 0 {
		return bytes.EqualFold(a, b)
	}
	return bytes.EqualFold(keyBytes(a), keyBytes(b))
}

// keyBytes is keyText without a copy when the key holds no escape.
func keyBytes(raw []byte) []byte {
	if bytes.IndexByte(raw, '\\') < 0 {
		return raw
	}
	return []byte(keyText(raw))
}

// keyFlags reports whether a key as written is plain, ASCII without
// escapes (such keys are equal ignoring case only to keys of the same
// length), and whether it is cased: not plain, or with a capital letter.
func keyFlags(raw []byte) (plain, cased bool) {
	plain = true
	for _, c := range raw {
		switch {
		case c >= 0x80 || c == '\\':
			return false, true
		case 'A' <= c && c <= 'Z':
			cased = true
		}
	}
	return plain, cased
}

// keyText decodes a key as written (escapes included).
func keyText(raw []byte) string {
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw)
	}
	var s string
	if json.Unmarshal(append(append([]byte{'"'}, raw...), '"'), &s) != nil {
		return string(raw)
	}
	return s
}

// errFound stops a walk once locate found its value.
var errFound = errors.New("found")

// locate returns the offsets of the value at path ("course.users[3].role",
// as walker.pathString writes it) in the well-formed doc.
func locate(doc []byte, path string) (valOff, valEnd int, ok bool) {
	err := walkJSON("", doc, func(w *walker, _, off, end int) error {
		if strings.EqualFold(w.pathString(), path) {
			valOff, valEnd = off, end
			return errFound
		}
		return nil
	})
	return valOff, valEnd, err == errFound
}

// fieldPath is the walker's path as encoding/json names a field, without
// the array indices: "course.users.role".
func (w *walker) fieldPath() string {
	var parts []string
	for _, p := range w.path {
		if p.key != nil {
			parts = append(parts, string(p.key))
		}
	}
	return strings.Join(parts, ".")
}

// checkKeyCase refuses a key of doc (decoded into a value of type root)
// that names a field only when case is ignored, such as "Username" for
// "username": encoding/json would read it so, silently.
func checkKeyCase(name string, doc []byte, root reflect.Type, keys []casedKey) error {
	for _, k := range keys {
		t := typeAt(root, k.parent)
		for t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t == nil || t.Kind() != reflect.Struct || reflect.PointerTo(t).Implements(unmarshalerType) {
			continue
		}
		if tag, exact, ok := fieldTag(t, string(k.key)); ok && !exact {
			l, c := lineCol(doc, int64(k.off))
			return fmt.Errorf("%s: line %d, column %d: key %q is not a Dashboard key; %q is, which a reader ignoring case would take it for: write %q", name, l, c, k.key, tag, tag)
		}
	}
	return nil
}
