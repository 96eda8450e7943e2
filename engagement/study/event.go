package study

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"syscall"
	"time"

	"example.com/engagement/engagement/dashboard"
	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/sample"
)

// Event is a loaded and preprocessed event.
type Event struct {
	Source       string // "sample", the course URL or the folder
	Ref          dashboard.CourseRef
	Course       dashboard.Course
	Users        []dashboard.User    // enrolments (nil when loaded from a students CSV)
	Students     []dashboard.Student // students CSV rows, when present
	Articles     []dashboard.Article
	Participants []dashboard.Participant
	// IsSample marks the embedded sample; its API answers come from memory.
	IsSample bool
}

// LoadEvent loads an event: Sample, a Dashboard course URL or slug, or a
// folder holding course.json and users.json (or a students CSV), and
// preprocesses its participants. With cfg.CacheDir set, the Dashboard's
// answers are kept there, so loading the course again sends no request.
func LoadEvent(ctx context.Context, cfg Config, course string) (*Event, error) {
	return LoadEventVia(ctx, cfg, course, DashboardCache(cfg.CacheDir, cfg.Offline))
}

func LoadEventVia(ctx context.Context, cfg Config, course string, t *mwapi.AnswerCache) (*Event, error) {
	ev := &Event{Source: course}
	switch info, err := os.Stat(course); {
	case course == Sample || course == "":
		ev.Source, ev.IsSample = Sample, true
		t.Next = sample.Transport()
		ref, _ := dashboard.ParseCourse(sample.CourseURL)
		if err := ev.FetchCourse(ctx, cfg, ref, t); err != nil {
			return nil, err
		}
	case err == nil && info.IsDir():
		f, err := dashboard.LoadDir(course)
		if err != nil {
			return nil, &SettingError{Setting: SettingCourse, Err: err}
		}
		ev.Course, ev.Users, ev.Students, ev.Articles = f.Course, f.Users, f.Students, f.Articles
		ev.Ref = dashboard.CourseRef{Base: "https://" + dashboard.OutreachHost, Slug: f.Course.Slug, ID: f.Course.ID}
	default:
		ref, err := dashboard.ParseCourse(course)
		if err != nil {
			return nil, &SettingError{Setting: SettingCourse, Err: err}
		}
		if err := cfg.RequireContact(false); err != nil {
			return nil, err
		}
		if err := ev.FetchCourse(ctx, cfg, ref, t); err != nil {
			if errors.Is(err, dashboard.ErrNotFound) {
				err = &SettingError{Setting: SettingCourse, Err: err}
			}
			return nil, err
		}
	}
	if err := ev.Prepare(); err != nil {
		return nil, err
	}
	return ev, nil
}

// prepare preprocesses the loaded enrolments into participants and checks
// that the course makes an event.
func (ev *Event) Prepare() error {
	if ev.Users != nil {
		ev.Participants = dashboard.Participants(ev.Users)
	} else {
		ev.Participants = dashboard.StudentParticipants(ev.Students)
	}
	if err := dashboard.RequireParticipants(ev.Course.Slug, ev.Participants); err != nil {
		return err
	}
	if ev.Course.End.Before(ev.Course.Start) || ev.Course.Start.IsZero() {
		return fmt.Errorf("course %s: start %s and end %s do not make an event window", ev.Course.Slug, ev.Course.Start, ev.Course.End)
	}
	return nil
}

// fetch asks the Dashboard for the course and its participants through t,
// which caches the answers. The articles list is not asked for: nothing
// reads it.
func (ev *Event) FetchCourse(ctx context.Context, cfg Config, ref dashboard.CourseRef, t *mwapi.AnswerCache) error {
	dc, err := DashboardClient(cfg, t)
	if err != nil {
		return err
	}
	host := strings.TrimPrefix(strings.TrimPrefix(ref.Base, "https://"), "http://")
	if ref, err = dc.Resolve(ctx, ref); err != nil {
		return noNetwork(host, err, "%w")
	}
	ev.Ref = ref
	if ev.Course, err = dc.Course(ctx, ref); err != nil {
		return noNetwork(host, err, "loading the course: %w")
	}
	if ev.Users, err = dc.Users(ctx, ref); err != nil {
		return noNetwork(host, err, "loading the participants: %w")
	}
	return nil
}

// noNetwork returns mwapi's one no-network line when err says host could
// not be reached at all (its name did not resolve, or the network is
// unreachable), else err wrapped with format (one %w).
func noNetwork(host string, err error, format string) error {
	var dns *net.DNSError
	if errors.As(err, &dns) || errors.Is(err, syscall.ENETUNREACH) || errors.Is(err, syscall.EHOSTUNREACH) {
		return &mwapi.NoNetworkError{Wiki: host, Err: err}
	}
	return fmt.Errorf(format, err)
}

// dashboardCache returns the cache of the Dashboard's answers (mwapi's
// AnswerCache, checked by dashboard.CheckAnswer, capped at the Dashboard
// files' size) in dir.
func DashboardCache(dir string, offline bool) *mwapi.AnswerCache {
	return &mwapi.AnswerCache{Service: "the Dashboard", MaxBody: dashboard.MaxFileSize, Dir: dir, Offline: offline,
		Check: func(url string, body []byte) error { _, err := dashboard.CheckAnswer(url, body); return err }}
}

// dashboardClient returns a Dashboard client asking through t (which
// caches the answers), itself asking through cfg's HTTP client's transport.
func DashboardClient(cfg Config, t *mwapi.AnswerCache) (*dashboard.Client, error) {
	if t.Next == nil && cfg.HTTPClient != nil {
		t.Next = cfg.HTTPClient.Transport
	}
	timeout := 60 * time.Second
	if cfg.HTTPClient != nil && cfg.HTTPClient.Timeout > 0 {
		timeout = cfg.HTTPClient.Timeout
	}
	return dashboard.NewClient(dashboard.WithUserAgent(cfg.UserAgent()), dashboard.WithHTTPClient(&http.Client{Transport: t, Timeout: timeout}))
}

// AsOf returns the instant to analyse up to: the sample's fixed as-of, or
// now for a live event.
func (ev *Event) AsOf(now time.Time) time.Time {
	if ev.IsSample {
		return sample.AsOf
	}
	return now.UTC().Truncate(time.Second)
}

// MetricsEvent returns the event window and scope wikis.
func (ev *Event) MetricsEvent() metrics.Event {
	return metrics.Event{Start: ev.Course.Start, End: ev.Course.End, Wikis: ev.Course.Domains()}
}

// OnlyParticipants returns ev with the participants named in names; a
// name may be written as participants.csv writes it (dataset.Protect: a
// name a spreadsheet would run as a formula). Naming none of them is an
// error.
func OnlyParticipants(ev *Event, names []string) (*Event, error) {
	want := make(map[string]bool, len(names))
	for _, u := range names {
		want[u] = true
	}
	cp := *ev
	cp.Participants = nil
	for _, p := range ev.Participants {
		if want[p.Username] || want[dataset.Protect(p.Username)] {
			cp.Participants = append(cp.Participants, p)
		}
	}
	if len(cp.Participants) == 0 {
		return nil, fmt.Errorf("the participants frame names none of the event's %d participants", len(ev.Participants))
	}
	return &cp, nil
}
