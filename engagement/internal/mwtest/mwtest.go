// Package mwtest starts real MediaWiki 1.39 wikis (Debian's mediawiki
// package, SQLite, PHP's built-in server) on 127.0.0.1, loaded with the
// sample event: its accounts (registration dates, bot group) and every
// revision of its MediaWiki export, with the historical timestamps and the
// revision ids the sample documents. Tests skip when MediaWiki is absent.
package mwtest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"example.com/engagement/engagement/sample"
)

// MediaWikiDir is where Debian installs MediaWiki.
const MediaWikiDir = "/usr/share/mediawiki"

// ErrNotInstalled means MediaWiki or PHP with SQLite is not on the machine.
var ErrNotInstalled = errors.New("MediaWiki not installed: apt-get install -y mediawiki php-sqlite3 php-cli sqlite3 (see .ci/run)")

// Available reports whether a wiki can be started here.
func Available() error {
	if _, err := os.Stat(filepath.Join(MediaWikiDir, "maintenance", "install.php")); err != nil {
		return ErrNotInstalled
	}
	if _, err := exec.LookPath("sqlite3"); err != nil {
		return ErrNotInstalled
	}
	out, err := exec.Command("php", "-m").Output()
	if err != nil || !strings.Contains(string(out), "pdo_sqlite") {
		return ErrNotInstalled
	}
	return nil
}

// Wiki is a running MediaWiki.
type Wiki struct {
	DBName string
	Dir    string
	APIURL string
	cmd    *exec.Cmd
}

// Close stops the server.
func (w *Wiki) Close() error {
	if w.cmd != nil && w.cmd.Process != nil {
		// The server forks workers: stop its whole process group.
		syscall.Kill(-w.cmd.Process.Pid, syscall.SIGKILL)
		w.cmd.Wait()
	}
	return nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func run(ctx context.Context, dir string, env []string, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

// Prepare writes the sample's MediaWiki exports into dir (once) and returns
// the folder.
func Prepare(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, "accounts.json")); err == nil {
		return nil
	}
	ev, err := sample.Generate(sample.DefaultConfig())
	if err != nil {
		return err
	}
	return ev.WriteMediaWiki(dir)
}

// Install creates a wiki for dbname in dir, creates the sample's accounts
// and imports the sample's export. With a non-empty cache folder, a wiki
// already imported from the same export is copied instead (keyed by the
// export's hash).
func Install(ctx context.Context, exports, dir, dbname, cache string) error {
	xml := filepath.Join(exports, dbname+".xml")
	sql := filepath.Join(exports, dbname+".sql")
	key, err := hashFiles(xml, sql, filepath.Join(exports, "accounts.json"), filepath.Join(MediaWikiDir, "includes", "Defines.php"))
	if err != nil {
		return err
	}
	if cache != "" {
		cached := filepath.Join(cache, dbname+"-"+key+".sqlite")
		if _, err := os.Stat(cached); err == nil {
			if err := installEmpty(ctx, dir, dbname); err != nil {
				return err
			}
			return copyFile(cached, filepath.Join(dir, dbname+".sqlite"))
		}
	}
	if err := installEmpty(ctx, dir, dbname); err != nil {
		return err
	}
	env := []string{"MW_CONFIG_FILE=" + filepath.Join(dir, "LocalSettings.php")}
	_, self, _, _ := runtime.Caller(0)
	script := filepath.Join(filepath.Dir(self), "createusers.php")
	if err := run(ctx, dir, env, "php", script, filepath.Join(exports, "accounts.json"), dbname); err != nil {
		return err
	}
	if err := run(ctx, dir, env, "php", filepath.Join(MediaWikiDir, "maintenance", "importDump.php"), "--no-updates", xml); err != nil {
		return err
	}
	if err := run(ctx, dir, env, "php", filepath.Join(MediaWikiDir, "maintenance", "initEditCount.php")); err != nil {
		return err
	}
	if err := runSQL(ctx, filepath.Join(dir, dbname+".sqlite"), sql); err != nil {
		return err
	}
	if cache != "" {
		os.MkdirAll(cache, 0o755)
		tmp := filepath.Join(cache, ".tmp-"+dbname+key)
		if err := copyFile(filepath.Join(dir, dbname+".sqlite"), tmp); err == nil {
			os.Rename(tmp, filepath.Join(cache, dbname+"-"+key+".sqlite"))
		}
	}
	return nil
}

func installEmpty(ctx context.Context, dir, dbname string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := run(ctx, dir, nil, "php", filepath.Join(MediaWikiDir, "maintenance", "install.php"),
		"--dbtype", "sqlite", "--dbpath", dir, "--dbname", dbname, "--confpath", dir,
		"--server", "http://127.0.0.1", "--scriptpath", "", "--pass", "Sample-admin-pass-2021", "Sample "+dbname, "Admin"); err != nil {
		return err
	}
	f, err := os.OpenFile(filepath.Join(dir, "LocalSettings.php"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	meta := map[string]string{"enwiki": "Wikipedia", "wikidatawiki": "Wikidata", "commonswiki": "Commons"}[dbname]
	if meta == "" {
		meta = "Project"
	}
	_, err = fmt.Fprintf(f, "\n$wgMetaNamespace = %q;\n$wgJobRunRate = 0;\n$wgMainCacheType = CACHE_NONE;\n$wgShowExceptionDetails = true;\n$wgAPIMaxResultSize = 20000000;\n", meta)
	return err
}

// Serve starts PHP's built-in server for the wiki in dir.
func Serve(ctx context.Context, dir, dbname string) (*Wiki, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command("php", "-S", fmt.Sprintf("127.0.0.1:%d", port), "-t", MediaWikiDir)
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Env = append(os.Environ(), "MW_CONFIG_FILE="+filepath.Join(dir, "LocalSettings.php"), "PHP_CLI_SERVER_WORKERS=2")
	log, _ := os.Create(filepath.Join(dir, "server.log"))
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	w := &Wiki{DBName: dbname, Dir: dir, APIURL: fmt.Sprintf("http://127.0.0.1:%d/api.php", port), cmd: cmd}
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(w.APIURL + "?action=query&meta=siteinfo&format=json")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return w, nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	w.Close()
	return nil, fmt.Errorf("MediaWiki at %s did not answer within 20 s (see %s)", w.APIURL, filepath.Join(dir, "server.log"))
}

func hashFiles(paths ...string) (string, error) {
	h := sha256.New()
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return "", err
		}
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

// runSQL runs the statements of file (the sample's post-import changes)
// on the wiki's SQLite database.
func runSQL(ctx context.Context, db, file string) error {
	b, err := os.ReadFile(file)
	if err != nil || len(b) == 0 {
		return err
	}
	cmd := exec.CommandContext(ctx, "sqlite3", db)
	cmd.Stdin = strings.NewReader(string(b))
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("sqlite3 %s < %s: %w\n%s", db, file, err, out)
	}
	return nil
}
