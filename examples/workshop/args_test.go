package main

import (
	"io"
	"strings"
	"testing"
)

// A word that is not a flag stops flag parsing, so the flags after it
// would be left unread: it is refused, naming it, and a bool flag before
// it is named as taking no value.
func TestStrayArgumentIsRefused(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"-baseline", "100", "-out", "elsewhere"}, []string{`unexpected argument "100"`, `nothing after "100" was read`, "-baseline takes no value", "-baseline-size N"}},
		{[]string{"-offline", "yes"}, []string{`unexpected argument "yes"`, "-offline takes no value"}},
		{[]string{"-course", "sample", "extra"}, []string{`unexpected argument "extra"`}},
		{[]string{"sample"}, []string{`unexpected argument "sample"`}},
	} {
		o, err := parseFlags(c.args, io.Discard)
		if err == nil {
			t.Errorf("%q: accepted (out %q); want an error", c.args, o.out)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: %v; want it to say %q", c.args, err, w)
			}
		}
		if strings.Contains(err.Error(), "takes no value") && c.args[0] == "-course" {
			t.Errorf("%q: %v names a string flag as taking no value", c.args, err)
		}
	}
	if _, err := parseFlags([]string{"-baseline", "-baseline-size", "100", "-offline=true"}, io.Discard); err != nil {
		t.Errorf("flags only: %v", err)
	}
}

// The progress bar speaks -lang's language too.
func TestProgressBarInTheLanguage(t *testing.T) {
	var stdout, stderr strings.Builder
	if err := run([]string{"-lang", "fr", "-out", t.TempDir(), "-cache", ""}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "Récupération") || strings.Contains(stderr.String(), "Fetching") {
		t.Errorf("the progress bar is not in French:\n%s", stderr.String())
	}
}
