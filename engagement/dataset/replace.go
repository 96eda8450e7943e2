package dataset

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// ReplaceRun finishes a run written into dir: it records in r.Files the
// sizes of the files the run wrote (written: their paths, each directly in
// dir), removes the files that the folder's previous run (prev; nil when
// the folder held none, or a run.json from before runs listed their files)
// listed and this run did not rewrite, and then writes run.json. So a
// folder holds one run's files only: another event's baseline.json,
// pageviews.csv or charts are not left beside the new outputs, where a
// re-analysis would read them as the new event's.
//
// Only the names prev.Files lists are removed, never anything else the
// folder holds (the user's own files stay); a name that is a folder is
// left; a symbolic link at a name is removed itself, its target untouched.
func ReplaceRun(dir string, prev *Run, r Run, written []string) error {
	names := make([]string, 0, len(written))
	for _, p := range written {
		if filepath.Dir(p) != filepath.Clean(dir) || filepath.Base(p) == RunFile {
			continue
		}
		names = append(names, filepath.Base(p))
	}
	sizes, err := FileSizes(dir, names...)
	if err != nil {
		return err
	}
	if prev != nil {
		if err := removeStale(dir, prev.Files, names); err != nil {
			return err
		}
	}
	r.Files = sizes
	return WriteRun(dir, r)
}

// removeStale removes the files of listed that are not in keep.
func removeStale(dir string, listed map[string]int64, keep []string) error {
	stale := make([]string, 0, len(listed))
	for name := range listed {
		if !slices.Contains(keep, name) && name != RunFile && validName(name) {
			stale = append(stale, name)
		}
	}
	slices.Sort(stale)
	for _, name := range stale {
		p := filepath.Join(dir, name)
		info, err := os.Lstat(p)
		switch {
		case os.IsNotExist(err):
			continue
		case err != nil:
			return fmt.Errorf("removing the previous run's %s: %w", p, err)
		case info.IsDir():
			continue
		}
		if err := os.Remove(p); err != nil {
			return fmt.Errorf("removing the previous run's %s (the new run does not write it): %w", p, err)
		}
	}
	return nil
}

// validName reports whether name is the name of a file of a folder: no
// separator, not "." nor "..".
func validName(name string) bool {
	return name != "" && name != "." && name != ".." && filepath.Base(name) == name && filepath.FromSlash(name) == name
}
