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
	"time"
)

// Cache keeps API responses on disk, one file per request, named by the
// SHA-256 of the request. Each file holds the request on its first line, the
// SHA-256 of the response on its second ("sha256:<hex>") and the response
// after them; an entry whose checksum does not match is a miss. Only answers
// that passed their call's checks are stored. Writes go to a temporary file
// renamed into place, so two processes can share a cache and an interrupted
// run leaves only whole entries: a rerun resumes from the pages it already
// has. The folder holds a marker file (MarkerFile) so that Clear never
// empties a folder the cache did not create.
type Cache struct {
	dir string
}

// MarkerFile is the file that marks a folder as a cache of this package.
const MarkerFile = ".engagement-cache"

const markerText = "This folder is a cache of Wikimedia API answers written by engagement.\nIt can be deleted; `-cache-clear` removes only the cached answers.\n"

// CacheEntry describes one cached response.
type CacheEntry struct {
	Request string
	Bytes   int64
}

// OpenCache opens a cache folder, creating it (with its marker) when it does
// not exist or is empty. A folder that holds other files and no marker is
// refused: it is not a cache, and clearing it would delete them.
func OpenCache(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("opening cache: %w", err)
	}
	marker := filepath.Join(dir, MarkerFile)
	if _, err := os.Stat(marker); err == nil {
		return &Cache{dir: dir}, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("opening cache: %w", err)
	}
	if !looksLikeCache(entries) {
		return nil, fmt.Errorf("opening cache: %s holds files and is not a cache (no %s); choose an empty or new folder for -cache", dir, MarkerFile)
	}
	if err := os.WriteFile(marker, []byte(markerText), 0o644); err != nil {
		return nil, fmt.Errorf("opening cache: %w", err)
	}
	return &Cache{dir: dir}, nil
}

// DashboardDir is the folder inside a cache where the engagement package
// keeps the Dashboard's answers (one .json file each); Clear removes those
// too.
const DashboardDir = "dashboard"

// looksLikeCache accepts an empty folder, or one laid out as a cache
// written before the marker existed: only two-hex-digit folders and the
// Dashboard's folder.
func looksLikeCache(entries []fs.DirEntry) bool {
	for _, e := range entries {
		if !e.IsDir() || !(isShard(e.Name()) || e.Name() == DashboardDir) {
			return false
		}
	}
	return true
}

func isShard(name string) bool {
	if len(name) != 2 {
		return false
	}
	_, err := hex.DecodeString(name)
	return err == nil && strings.ToLower(name) == name
}

// Dir returns the cache folder.
func (c *Cache) Dir() string { return c.dir }

func (c *Cache) path(key string) string {
	h := sha256.Sum256([]byte(key))
	s := hex.EncodeToString(h[:])
	return filepath.Join(c.dir, s[:2], s+".resp")
}

// Get returns the cached response for key. A damaged entry (cut short, a
// flipped byte, a hash collision) is a miss.
func (c *Cache) Get(key string) ([]byte, bool) {
	b, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	line, rest, ok := bytes.Cut(b, []byte{'\n'})
	if !ok || string(line) != key {
		return nil, false
	}
	sum, body, ok := bytes.Cut(rest, []byte{'\n'})
	if !ok || string(sum) != checksum(body) {
		return nil, false
	}
	return body, true
}

// Fetched returns when the entry for key was fetched (written): its
// file's modification time; zero when there is none.
func (c *Cache) Fetched(key string) time.Time {
	info, err := os.Stat(c.path(key))
	if err != nil {
		return time.Time{}
	}
	return info.ModTime().UTC()
}

func checksum(body []byte) string {
	h := sha256.Sum256(body)
	return "sha256:" + hex.EncodeToString(h[:])
}

// Delete removes the entry for key, if any.
func (c *Cache) Delete(key string) error {
	if err := os.Remove(c.path(key)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("removing a cache entry: %w", err)
	}
	return nil
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
	w.WriteString(checksum(body))
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
		r := bufio.NewReaderSize(f, 4096)
		line, _ := r.ReadString('\n')
		info, _ := d.Info()
		out = append(out, CacheEntry{Request: strings.TrimSuffix(line, "\n"), Bytes: info.Size()})
		return nil
	})
	return out, err
}

// Clear removes every cached response (the files the cache wrote: *.resp
// and leftover temporary files in its two-hex-digit folders, and those
// folders once empty) and returns how many responses it removed. Anything
// else in the folder is left alone.
func (c *Cache) Clear() (int, error) {
	if _, err := os.Stat(filepath.Join(c.dir, MarkerFile)); err != nil {
		return 0, fmt.Errorf("clearing cache: %s has no %s: not clearing a folder the cache did not create", c.dir, MarkerFile)
	}
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return 0, fmt.Errorf("clearing cache: %w", err)
	}
	removed := 0
	for _, e := range entries {
		if !e.IsDir() || !(isShard(e.Name()) || e.Name() == DashboardDir) {
			continue
		}
		shard := filepath.Join(c.dir, e.Name())
		files, err := os.ReadDir(shard)
		if err != nil {
			return removed, fmt.Errorf("clearing cache: %w", err)
		}
		for _, f := range files {
			name := f.Name()
			answer := strings.HasSuffix(name, ".resp") || (e.Name() == DashboardDir && strings.HasSuffix(name, ".json"))
			if f.IsDir() || !(answer || strings.HasPrefix(name, ".tmp-")) {
				continue
			}
			if err := os.Remove(filepath.Join(shard, name)); err != nil {
				return removed, fmt.Errorf("clearing cache: %w", err)
			}
			if answer {
				removed++
			}
		}
		os.Remove(shard) // only when empty
	}
	return removed, nil
}
