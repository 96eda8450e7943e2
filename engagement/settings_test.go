package engagement

import (
	"context"
	"errors"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// sessionWith applies opts to a session with nothing loaded.
func sessionWith(t *testing.T, opts ...Option) *Session {
	t.Helper()
	s, err := newSession(context.Background(), opts)
	if err != nil {
		t.Fatalf("newSession: %v", err)
	}
	return s
}

// sameSession reports whether two sessions hold the same settings. The
// Dashboard cache's answer check is a function, which reflect.DeepEqual
// never finds equal: it is compared by whether it is set.
func sameSession(a, b *Session) bool {
	x, y := *a, *b
	if x.dash != nil && y.dash != nil {
		if (x.dash.Check == nil) != (y.dash.Check == nil) {
			return false
		}
		dx, dy := x.dash, y.dash
		if dx.Service != dy.Service || dx.MaxBody != dy.MaxBody || dx.Next != dy.Next || dx.Dir != dy.Dir || dx.Offline != dy.Offline || dx.Refresh != dy.Refresh {
			return false
		}
		x.dash, y.dash = nil, nil
	}
	return reflect.DeepEqual(x, y)
}

// Each field reaches its option: the session WithSettings makes is the one
// the field's own option makes, and the field's value is where that option
// puts it.
func TestSettingsEachFieldReachesItsOption(t *testing.T) {
	asOf := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		field string
		st    Settings
		opt   Option
		got   func(*Session) any
		want  any
	}{
		{"Contact", Settings{Contact: "ada@example.org"}, WithContact("ada@example.org"), func(s *Session) any { return s.cfg.Contact }, "ada@example.org"},
		{"Language", Settings{Language: "pt-BR"}, WithLanguage("pt-BR"), func(s *Session) any { return s.lang }, "pt-BR"},
		{"CacheDir", Settings{CacheDir: "../.cache"}, WithCacheDir("../.cache"), func(s *Session) any { return s.dash.Dir }, "../.cache"},
		{"Offline", Settings{Offline: true}, WithOffline(true), func(s *Session) any { return s.dash.Offline && s.cfg.Offline }, true},
		{"AsOf", Settings{AsOf: "2024-05-01"}, WithAsOfDate("2024-05-01"), func(s *Session) any { return s.asOfSet && s.asOf.Equal(asOf) }, true},
		{"LookbackDays", Settings{LookbackDays: 30}, WithLookbackDays(30), func(s *Session) any { return *s.lookback }, 30},
		{"LongTermEdits", Settings{LongTermEdits: 250}, WithLongTermEdits(250), func(s *Session) any { return *s.longTerm }, 250},
		{"Baseline", Settings{Baseline: 120}, WithBaseline(120), func(s *Session) any { return s.baseline.Size }, 120},
		{"From", Settings{From: "../out"}, WithDataFrom("../out"), func(s *Session) any { return s.from }, "../out"},
	} {
		if _, ok := reflect.TypeOf(Settings{}).FieldByName(tc.field); !ok {
			t.Fatalf("Settings has no field %s", tc.field)
		}
		viaSettings, viaOption := sessionWith(t, WithSettings(tc.st)), sessionWith(t, tc.opt)
		if got := tc.got(viaSettings); got != tc.want {
			t.Errorf("Settings.%s: the session holds %v; want %v", tc.field, got, tc.want)
		}
		if !sameSession(viaSettings, viaOption) {
			t.Errorf("Settings.%s: the session differs from the one its option makes:\n%+v\n%+v", tc.field, *viaSettings, *viaOption)
		}
	}
}

// The zero Settings changes nothing: a zero field leaves what the options
// before WithSettings set, and options after it override its fields.
func TestSettingsZeroFieldsKeepEarlierOptions(t *testing.T) {
	if !sameSession(sessionWith(t, WithSettings(Settings{})), sessionWith(t)) {
		t.Fatal("WithSettings(Settings{}) changed the session")
	}
	s := sessionWith(t, WithContact("ada@example.org"), WithLookbackDays(0), WithOffline(true),
		WithSettings(Settings{CacheDir: "c", LongTermEdits: 100}), WithCacheDir("d"))
	if s.cfg.Contact != "ada@example.org" || *s.lookback != 0 || !s.cfg.Offline || *s.longTerm != 100 || s.cfg.CacheDir != "d" {
		t.Fatalf("contact %q, look-back %d, offline %v, long-term %d, cache %q; want ada@example.org, 0, true, 100, d",
			s.cfg.Contact, *s.lookback, s.cfg.Offline, *s.longTerm, s.cfg.CacheDir)
	}
}

// A bad value's error is its option's SettingError, which names the field.
func TestSettingsBadValueNamesTheField(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		st    Settings
		field string
		want  string
	}{
		{Settings{AsOf: "1 May 2024"}, "AsOf", `as-of "1 May 2024": want YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ`},
		{Settings{LookbackDays: -1}, "LookbackDays", "look-back of -1 days: want 0 or more"},
		{Settings{LongTermEdits: -5}, "LongTermEdits", "long-term threshold of -5 edits: want 1 or more"},
		{Settings{Baseline: -2}, "Baseline", "a baseline of -2 newcomers: want 1 or more (0 for the default 500)"},
		{Settings{Language: "not a language"}, "Language", "not a language"},
		{Settings{AsOf: "2999-01-01"}, "AsOf", "is in the future"},
	} {
		_, err := Open(ctx, Sample, WithSettings(tc.st))
		var se *SettingError
		if !errors.As(err, &se) || se.SettingName() != tc.field || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Open with %+v: %v; want a SettingError naming %s, saying %q", tc.st, err, tc.field, tc.want)
			continue
		}
		if _, ok := reflect.TypeOf(Settings{}).FieldByName(se.SettingName()); !ok {
			t.Errorf("the error names %s, which is no field of Settings", se.SettingName())
		}
	}
}

// Course and Campaign are Open's and OpenCampaign's arguments: a bad one
// is a SettingError naming that field too.
func TestSettingsCourseAndCampaignNameTheirField(t *testing.T) {
	ctx := context.Background()
	st := Settings{Course: "https://example.org/courses/a/b", Campaign: "https://example.org/campaigns/a/b", Offline: true}
	_, err := Open(ctx, st.Course, WithSettings(st))
	var se *SettingError
	if !errors.As(err, &se) || se.SettingName() != "Course" || !strings.Contains(err.Error(), "example.org") {
		t.Errorf("Open(%q): %v; want a SettingError naming Course and the URL", st.Course, err)
	}
	_, err = OpenCampaign(ctx, st.Campaign, WithSettings(st))
	if !errors.As(err, &se) || se.SettingName() != "Campaign" || !strings.Contains(err.Error(), "example.org") {
		t.Errorf("OpenCampaign(%q): %v; want a SettingError naming Campaign and the URL", st.Campaign, err)
	}
}

// The notebooks' ✏️ cell gives the same analysis as the options it
// replaced, mapped by hand.
func TestSettingsAsTheNotebookCellGives(t *testing.T) {
	ctx := context.Background()
	st := Settings{Course: Sample, Language: "es", LookbackDays: 30, LongTermEdits: 250, AsOf: "2021-06-01"}
	bySettings, err := Open(ctx, st.Course, WithSettings(st))
	if err != nil {
		t.Fatal(err)
	}
	byHand, err := Open(ctx, Sample, WithLanguage("es"), WithLookbackDays(30), WithLongTermEdits(250), WithAsOfDate("2021-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	p, q := bySettings.Params(), byHand.Params()
	if !reflect.DeepEqual(p, q) || p.NewEditorLookback != 30*24*time.Hour || p.LongTermEdits != 250 {
		t.Fatalf("params %+v; by hand %+v; want a 30-day look-back and long-term from 250 edits", p, q)
	}
	a, err := bySettings.Analysis()
	if err != nil {
		t.Fatal(err)
	}
	if a.settings.language != "es" {
		t.Fatalf("the analysis' language is %q; want es (its report is written in it)", a.settings.language)
	}
}

// Settings.Language reaches the notebook's charts too: ShowCharts titles
// and captions them in the session's language, and English stays English.
func TestSettingsLanguageReachesShowCharts(t *testing.T) {
	t.Chdir(t.TempDir()) // outside a notebook, ShowCharts saves the charts here
	for _, tc := range []struct {
		lang, want, not string
	}{
		{"es", "### Retención\nProporción con una edición al menos N días después del evento, con intervalos del 95\u00a0%.", "Share with"},
		{"", "### Retention\nShare with an edit at least N days after the event, with 95% intervals.", "Proporción"},
	} {
		s, err := Open(context.Background(), Sample, WithSettings(Settings{Language: tc.lang}))
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.Analysis()
		if err != nil {
			t.Fatal(err)
		}
		out := captureStdout(t, func() error { return a.ShowCharts("retention") })
		if !strings.Contains(out, tc.want) || strings.Contains(out, tc.not) {
			t.Errorf("Language %q: ShowCharts printed\n%s\nwant %q, not %q", tc.lang, out, tc.want, tc.not)
		}
	}
}

// captureStdout returns what f prints on standard output.
func captureStdout(t *testing.T, f func() error) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = w
	done := make(chan []byte)
	go func() { b, _ := io.ReadAll(r); done <- b }()
	ferr := f()
	os.Stdout = stdout
	w.Close()
	out := <-done
	if ferr != nil {
		t.Fatal(ferr)
	}
	return string(out)
}
