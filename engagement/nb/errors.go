package nb

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"
)

// A settingError names the setting (a variable of the notebook's ✏️ cell)
// that fixes it, as engagement.SettingError does.
type settingError interface {
	error
	SettingName() string
}

// Message is the short text shown for err: what went wrong and, when a
// setting fixes it, which ✏️ variable to change.
func Message(err error) string {
	var se settingError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v\n✏️ Change %s in the cell marked ✏️, run it, then run this cell again.", err, se.SettingName())
	}
	return err.Error()
}

// ShowError shows err as a short message (in a notebook, a red box; outside
// one, on stderr), never a stack trace. It does nothing for a nil err.
func ShowError(err error) {
	if err == nil {
		return
	}
	showError(os.Stderr, err)
}

func showError(w io.Writer, err error) {
	if !gonbui.IsNotebook {
		fmt.Fprintln(w, "error:", Message(err))
		return
	}
	gonbui.DisplayHTML(ErrorHTML(err))
	gonbui.Sync()
}

// ErrorHTML renders the message of err as an HTML box.
func ErrorHTML(err error) string {
	return `<div style="border-left:4px solid #c00;background:#fee;padding:6px 10px;font-family:sans-serif;white-space:pre-wrap">⚠️ ` +
		html.EscapeString(Message(err)) + `</div>`
}

// exiter ends the cell's program (os.Exit; tests pass their own).
type exiter func(code int)

// Must returns v when err is nil. Otherwise it shows the short message of
// ShowError and ends the cell (exit status 1, so a notebook run in CI
// fails), instead of a panic's stack trace. In a notebook, a setting error
// already shown in full by an earlier cell is shown as one line asking to fix
// the ✏️ cell first, and the cell ends without an error of its own:
//
//	s := nb.Must(engagement.Open(ctx, Course, engagement.WithContact(Contact)))
func Must[T any](v T, err error) T {
	return must(v, err, os.Stderr, os.Exit)
}

func must[T any](v T, err error, w io.Writer, exit exiter) T {
	if err == nil {
		return v
	}
	if gonbui.IsNotebook {
		if line, repeated := repeatedSettingError(err, os.Getenv(protocol.GONB_TMP_DIR_ENV)); repeated {
			gonbui.DisplayHTML(`<div style="color:#a00;font-family:sans-serif">` + html.EscapeString(line) + `</div>`)
			gonbui.Sync()
			exit(0)
			return v
		}
	}
	showError(w, err)
	exit(1)
	return v
}

// repeatedSettingError reports whether err is a setting error whose message
// an earlier cell of this kernel's session already showed in full (GoNB
// runs every cell as a program of its own, and each opens the event again,
// so one wrong ✏️ setting would fill every later cell with the same box).
// It then returns the one line to show instead. The first time, it notes
// the message in dir (GoNB's temporary folder for the session) and returns
// false. Errors that no setting fixes are always shown in full.
func repeatedSettingError(err error, dir string) (string, bool) {
	var se settingError
	if dir == "" || !errors.As(err, &se) {
		return "", false
	}
	msg := Message(err)
	sum := sha256.Sum256([]byte(msg))
	f, ferr := os.OpenFile(filepath.Join(dir, "engagement-shown-"+hex.EncodeToString(sum[:8])), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if ferr == nil {
		f.Close()
		return "", false
	}
	if !errors.Is(ferr, fs.ErrExist) {
		return "", false
	}
	first, _, _ := strings.Cut(err.Error(), "\n")
	return fmt.Sprintf("⚠️ Fix the ✏️ cell above first (%s: %s), then run this cell again.", se.SettingName(), first), true
}

// Check is Must for calls that return only an error.
func Check(err error) {
	must(struct{}{}, err, os.Stderr, os.Exit)
}
