package mwapi

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Cache keeps API responses on disk, one file per request, named by the
// SHA-256 of the request. Each file holds the request on its first line and
// the response after it. Writes go to a temporary file renamed into place,
// so two processes can share a cache and an interrupted run leaves only
// whole entries: a rerun resumes from the pages it already has.
type Cache struct {
	dir string
}

// CacheEntry describes one cached response.
type CacheEntry struct {
	Request string
	Bytes   int64
}

// OpenCache opens (creating) a cache folder.
func OpenCache(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("opening cache: %w", err)
	}
	return &Cache{dir: dir}, nil
}

// Dir returns the cache folder.
func (c *Cache) Dir() string { return c.dir }

func (c *Cache) path(key string) string {
	h := sha256.Sum256([]byte(key))
	s := hex.EncodeToString(h[:])
	return filepath.Join(c.dir, s[:2], s+".resp")
}

// Get returns the cached response for key.
func (c *Cache) Get(key string) ([]byte, bool) {
	b, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	line, body, ok := bytes.Cut(b, []byte{'\n'})
	if !ok || string(line) != key {
		return nil, false // a hash collision or a damaged file: refetch
	}
	return body, true
}

// Put stores a response atomically.
func (c *Cache) Put(key string, body []byte) error {
	if strings.ContainsRune(key, '\n') {
		return errors.New("mwapi: cache key contains a newline")
	}
	p := c.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("writing cache: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return fmt.Errorf("writing cache: %w", err)
	}
	w := bufio.NewWriter(f)
	w.WriteString(key)
	w.WriteByte('\n')
	w.Write(body)
	if err := w.Flush(); err != nil {
		f.Close()
		os.Remove(f.Name())
		return fmt.Errorf("writing cache: %w", err)
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("writing cache: %w", err)
	}
	if err := os.Rename(f.Name(), p); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("writing cache: %w", err)
	}
	return nil
}

// List returns every cached request.
func (c *Cache) List() ([]CacheEntry, error) {
	var out []CacheEntry
	err := filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".resp") {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		r := bufio.NewReader(f)
		line, _ := r.ReadString('\n')
		info, _ := d.Info()
		out = append(out, CacheEntry{Request: strings.TrimSuffix(line, "\n"), Bytes: info.Size()})
		return nil
	})
	return out, err
}

// Clear removes every cached response.
func (c *Cache) Clear() error {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(c.dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}
