package i18n

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// File is one language's message file.
type File struct {
	// Lang is the code of the file's name (es for es.json); "qqq" is the
	// documentation of every key.
	Lang string
	// Authors are @metadata.authors.
	Authors []string
	// Messages are the messages by key, as written.
	Messages map[string]string
	parsed   map[string]message
}

// Catalog holds every language's messages.
type Catalog struct {
	files map[string]*File
}

// Languages lists the codes of the catalogue's translations (not qqq),
// sorted.
func (c *Catalog) Languages() []string {
	var out []string
	for l := range c.files {
		if l != "qqq" {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

// File returns a language's file; nil when there is none.
func (c *Catalog) File(lang string) *File { return c.files[lang] }

// Load reads every <code>.json in the root of fsys (banana format: one
// object of string messages and an @metadata object). A syntax error, a
// duplicated key, a value that is not a string or a message that does not
// parse is an error naming the file, line and column or key.
func Load(fsys fs.FS) (*Catalog, error) {
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return nil, fmt.Errorf("i18n: listing message files: %w", err)
	}
	if len(names) == 0 {
		return nil, errors.New("i18n: no message files (*.json)")
	}
	c := &Catalog{files: map[string]*File{}}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("i18n: reading %s: %w", name, err)
		}
		f, err := parseFile(name, data)
		if err != nil {
			return nil, err
		}
		c.files[f.Lang] = f
	}
	if c.files["en"] == nil {
		return nil, errors.New("i18n: no en.json, the source language every chain ends with")
	}
	return c, nil
}

// parseFile reads one banana file, keeping the order-independent content
// and refusing what encoding/json would silently accept (a key given
// twice keeps only the last).
func parseFile(name string, data []byte) (*File, error) {
	f := &File{Lang: strings.TrimSuffix(path.Base(name), ".json"), Messages: map[string]string{}, parsed: map[string]message{}}
	dec := json.NewDecoder(bytes.NewReader(data))
	at := func() string { return position(data, dec.InputOffset()) }
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("i18n: %s: %s: want a JSON object of messages", name, at())
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("i18n: %s: %s: %w", name, at(), err)
		}
		key := tok.(string) // object keys are strings
		if key == "@metadata" {
			var meta struct{ Authors []string }
			if err := dec.Decode(&meta); err != nil {
				return nil, fmt.Errorf("i18n: %s: %s: @metadata: %w", name, at(), err)
			}
			f.Authors = meta.Authors
			continue
		}
		if _, dup := f.Messages[key]; dup {
			return nil, fmt.Errorf("i18n: %s: %s: key %q given twice", name, at(), key)
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("i18n: %s: %s: key %q: %w", name, at(), key, err)
		}
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("i18n: %s: %s: key %q: the message is %T, want a string", name, at(), key, v)
		}
		f.Messages[key] = s
		if f.Lang == "qqq" {
			continue // documentation is prose, not a message
		}
		m, err := parseMessage(s)
		if err != nil {
			return nil, fmt.Errorf("i18n: %s: key %q: %w", name, key, err)
		}
		f.parsed[key] = m
	}
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("i18n: %s: %s: %w", name, at(), err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("i18n: %s: %s: text after the object", name, at())
	}
	return f, nil
}

// position turns a byte offset into "line L, column C" (columns count
// bytes, 1-based).
func position(data []byte, off int64) string {
	off = min(off, int64(len(data)))
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := off - int64(bytes.LastIndexByte(before, '\n'))
	return fmt.Sprintf("line %d, column %d", line, col)
}
