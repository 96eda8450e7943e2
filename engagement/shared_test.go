package engagement_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"example.com/engagement/engagement"
)

// sharedDir holds the folder sampleFolder writes once for the tests of
// this package (drawing the charts is the slow part under -race).
var shared struct {
	once sync.Once
	s    *engagement.Session
	a    *engagement.Analysis
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// sampleFolder returns the sample's session, its analysis and a folder it
// was shared into, made once; a test that changes the folder copies it
// (copyFolder).
func sampleFolder(t *testing.T) (*engagement.Session, *engagement.Analysis, string) {
	t.Helper()
	shared.once.Do(func() {
		if shared.s, shared.err = engagement.Open(context.Background(), engagement.Sample); shared.err != nil {
			return
		}
		if shared.a, shared.err = shared.s.Analysis(); shared.err != nil {
			return
		}
		if shared.dir, shared.err = os.MkdirTemp("", "engagement-sample-*"); shared.err != nil {
			return
		}
		_, shared.err = shared.a.Share(shared.dir, false)
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.s, shared.a, shared.dir
}

// copyFolder copies the files of dir into a new temporary folder.
func copyFolder(t *testing.T, dir string) string {
	t.Helper()
	out := t.TempDir()
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		in, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		o, err := os.Create(filepath.Join(out, filepath.Base(f)))
		if err == nil {
			_, err = io.Copy(o, in)
			err = closeBoth(o, err)
		}
		in.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func closeBoth(f *os.File, err error) error {
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
