package nb

import (
	"errors"
	"fmt"
	"html"
	"io"
	"os"

	"github.com/janpfeifer/gonb/gonbui"
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
// fails), instead of a panic's stack trace:
//
//	s := nb.Must(engagement.Open(ctx, Course, engagement.WithContact(Contact)))
func Must[T any](v T, err error) T {
	return must(v, err, os.Stderr, os.Exit)
}

func must[T any](v T, err error, w io.Writer, exit exiter) T {
	if err != nil {
		showError(w, err)
		exit(1)
	}
	return v
}

// Check is Must for calls that return only an error.
func Check(err error) {
	must(struct{}{}, err, os.Stderr, os.Exit)
}
