package study

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"time"

	"example.com/engagement/engagement/dashboard"
	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/sample"
	"example.com/engagement/engagement/username"
)

// Campaign is a series of Dashboard events analysed together.
type Campaign struct {
	Slug, Title string
	// Source is "sample", the campaign's URL or the folder it was read from.
	Source string
	// URL is the campaign's page on the Dashboard.
	URL string
	// Events are the courses loaded, in the order the campaign's users.json
	// first names them.
	Events []*Event
	// Failed lists the courses that could not be loaded: they are left out
	// of every number (never counted as courses without participants) and
	// named wherever the results are shown.
	Failed []CourseFailure
	// IsSample marks the embedded sample campaign; its API answers come from
	// memory.
	IsSample bool
	dash     *mwapi.AnswerCache
}

// CourseFailure is a course of a campaign that could not be loaded.
type CourseFailure struct {
	Course string // the course slug
	Err    error
}

func (f CourseFailure) Error() string { return fmt.Sprintf("course %s: %v", f.Course, f.Err) }

// Unwrap returns the reason.
func (f CourseFailure) Unwrap() error { return f.Err }

// SettingCampaign names the campaign setting in errors (the notebook's
// Campaign, the example program's -campaign).
const SettingCampaign = "Campaign"

// LoadCampaign loads a campaign: Sample (the embedded sample campaign, a
// copy of testdata/campaign), a Dashboard campaign URL such as
// https://outreachdashboard.wmflabs.org/campaigns/wikigap_2019 or its slug,
// or a folder laid out like the Dashboard's URLs (see LoadCampaignDir).
// Live, it asks for the campaign's JSON and users.json, then each course's
// course.json and users.json; with cfg.CacheDir set, every answer is kept
// there, so loading again sends no request and works offline. A course that
// cannot be loaded is left out and listed in Campaign.Failed; when none can
// be, the error names each.
func LoadCampaign(ctx context.Context, cfg Config, src string) (*Campaign, error) {
	return LoadCampaignVia(ctx, cfg, src, DashboardCache(cfg.CacheDir, cfg.Offline))
}

// LoadCampaignVia loads a campaign: the sample (src Sample), a folder laid out like the Dashboard's URLs (LoadCampaignDir),
// or a Dashboard campaign URL or slug, asked through t, which caches the
// Dashboard's answers and counts the requests (DashboardRequests). A
// course that cannot be loaded is left out and listed in Campaign.Failed.
func LoadCampaignVia(ctx context.Context, cfg Config, src string, t *mwapi.AnswerCache) (*Campaign, error) {
	var c *Campaign
	var err error
	switch info, statErr := os.Stat(src); {
	case src == Sample:
		c, err = loadCampaignFS(sampleCampaignFS(), "sample campaign")
		if c != nil {
			c.Source, c.IsSample, c.URL = Sample, true, ""
			for _, ev := range c.Events {
				ev.IsSample = true
			}
		}
	case statErr == nil && info.IsDir():
		c, err = loadCampaignFS(os.DirFS(src), src)
	default:
		c, err = loadCampaignLive(ctx, cfg, src, t)
	}
	if c != nil {
		c.dash = t
	}
	return c, err
}

// LoadCampaignDir reads a campaign folder laid out like the Dashboard's
// URLs: DIR/campaign.json, DIR/users.json (each enrolment with its course)
// and, for every course named there, DIR/courses/<School>/<Title>/course.json
// and users.json. Events are in the order users.json first names them; a
// course whose files are missing or faulty is listed in Campaign.Failed.
func LoadCampaignDir(_ context.Context, dir string) (*Campaign, error) {
	return loadCampaignFS(os.DirFS(dir), dir)
}

func loadCampaignFS(fsys fs.FS, dir string) (*Campaign, error) {
	name := func(p string) string { return filepath.Join(dir, filepath.FromSlash(p)) }
	open := func(p string) (fs.File, error) {
		f, err := fsys.Open(p)
		if err != nil {
			return nil, fmt.Errorf("reading the campaign: %s: %w", name(p), errors.Unwrap(err))
		}
		return f, nil
	}
	f, err := open("campaign.json")
	if err != nil {
		return nil, err
	}
	info, err := dashboard.ParseCampaignJSON(f, name("campaign.json"))
	f.Close()
	if err != nil {
		return nil, err
	}
	if f, err = open("users.json"); err != nil {
		return nil, err
	}
	enrolments, err := dashboard.ParseCampaignUsersJSON(f, name("users.json"))
	f.Close()
	if err != nil {
		return nil, err
	}
	c := &Campaign{Slug: info.Slug, Title: info.Title, Source: dir, URL: dashboard.CampaignRef{Base: "https://" + dashboard.OutreachHost, Slug: info.Slug}.String()}
	return c, c.loadCourses(dashboard.CampaignCourses(enrolments), name("users.json"), func(slug string) (*Event, error) {
		folder := path.Join("courses", slug)
		ev := &Event{Source: name(folder), Ref: dashboard.CourseRef{Base: "https://" + dashboard.OutreachHost, Slug: slug}}
		for _, file := range []string{"course.json", "users.json"} {
			f, err := open(path.Join(folder, file))
			if err != nil {
				return nil, err
			}
			if file == "course.json" {
				ev.Course, err = dashboard.ParseCourseJSON(f, name(path.Join(folder, file)))
			} else {
				ev.Users, err = dashboard.ParseUsersJSON(f, name(path.Join(folder, file)))
			}
			f.Close()
			if err != nil {
				return nil, err
			}
		}
		return ev, nil
	})
}

// loadCampaignLive asks the Dashboard for the campaign at src (a URL or a
// slug) and its courses, through t.
func loadCampaignLive(ctx context.Context, cfg Config, src string, t *mwapi.AnswerCache) (*Campaign, error) {
	ref, err := dashboard.ParseCampaign(src)
	if err != nil {
		return nil, &SettingError{Setting: SettingCampaign, Err: fmt.Errorf("%w; or give a folder holding campaign.json, users.json and courses/", err)}
	}
	if err := cfg.RequireContact(false); err != nil {
		return nil, err
	}
	dc, err := DashboardClient(cfg, t)
	if err != nil {
		return nil, err
	}
	info, err := dc.Campaign(ctx, ref)
	if err != nil {
		if errors.Is(err, dashboard.ErrCampaignNotFound) {
			err = &SettingError{Setting: SettingCampaign, Err: err}
		}
		return nil, fmt.Errorf("loading the campaign: %w", err)
	}
	enrolments, err := dc.CampaignUsers(ctx, ref)
	if err != nil {
		return nil, fmt.Errorf("loading the campaign's enrolments: %w", err)
	}
	c := &Campaign{Slug: info.Slug, Title: info.Title, Source: src, URL: ref.String()}
	return c, c.loadCourses(dashboard.CampaignCourses(enrolments), ref.JSONURL("users"), func(slug string) (*Event, error) {
		cr := ref.Course(slug)
		ev := &Event{Source: cr.String()}
		return ev, ev.FetchCourse(ctx, cfg, cr, t)
	})
}

// loadCourses loads each course with load and preprocesses it; a course
// that fails is kept in c.Failed. It is an error when there is no course,
// or when every course failed.
func (c *Campaign) loadCourses(courses []string, listedIn string, load func(slug string) (*Event, error)) error {
	if len(courses) == 0 {
		return &SettingError{Setting: SettingCampaign, Err: fmt.Errorf("campaign %s has no course with anybody enrolled (%s lists no enrolment), so there is nothing to analyse; the Dashboard lists a campaign's courses only through their enrolments", c.Slug, listedIn)}
	}
	for _, slug := range courses {
		ev, err := load(slug)
		if err == nil {
			err = ev.Prepare()
		}
		if err != nil {
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return err
			}
			c.Failed = append(c.Failed, CourseFailure{Course: slug, Err: err})
			continue
		}
		ev.Course.Slug = slug
		c.Events = append(c.Events, ev)
	}
	if len(c.Events) == 0 {
		return fmt.Errorf("campaign %s: none of its %d courses could be loaded: %w", c.Slug, len(courses), errors.Join(failureErrs(c.Failed)...))
	}
	return nil
}

func failureErrs(fs []CourseFailure) []error {
	out := make([]error, len(fs))
	for i, f := range fs {
		out[i] = f
	}
	return out
}

// AsOf returns the instant to analyse up to: the sample's fixed as-of for
// the sample campaign, now otherwise.
func (c *Campaign) AsOf(now time.Time) time.Time {
	if c.IsSample {
		return sample.AsOf
	}
	return now.UTC().Truncate(time.Second)
}

// DashboardRequests returns the Dashboard requests sent while loading the
// campaign and the answers taken from the cache.
func (c *Campaign) DashboardRequests() (sent, cached int) {
	if c.dash == nil {
		return 0, 0
	}
	return c.dash.Sent(), c.dash.Hits()
}

// union is one event standing for the whole campaign when fetching: every
// wiki of every event, every person once.
func (c *Campaign) union() *Event {
	u := *c.Events[0]
	u.Course.Wikis = nil
	u.Participants = nil
	seen := map[string]bool{}
	for _, ev := range c.Events {
		u.Course.Wikis = append(u.Course.Wikis, ev.Course.Wikis...)
		u.Course.Wikis = append(u.Course.Wikis, ev.Course.HomeWiki)
		u.IsSample = u.IsSample && ev.IsSample
		for _, p := range ev.Participants {
			if !seen[p.Username] {
				seen[p.Username] = true
				u.Participants = append(u.Participants, p)
			}
		}
	}
	return &u
}

// Enrich fetches every person of the campaign once per wiki of any of its
// events.
func (c *Campaign) Enrich(ctx context.Context, cfg Config) (*Data, error) {
	return c.EnrichWith(ctx, cfg, nil)
}

// EnrichWith is Enrich reporting its progress to progress (nil: none).
func (c *Campaign) EnrichWith(ctx context.Context, cfg Config, progress func(mwapi.Progress)) (*Data, error) {
	return Enrich(ctx, cfg, c.union(), progress)
}

// Analyze computes each event's own metrics and the combined campaign's
// (metrics.ComputeCampaign) with parameters p. People enrolled in an event
// only as facilitators (or volunteers, or staff) are facilitators for the
// campaign.
func (c *Campaign) Analyze(d *Data, p metrics.Params) (*metrics.CampaignResult, error) {
	if p.ContentNamespaces == nil && len(d.ContentNamespaces) > 0 {
		p.ContentNamespaces = d.ContentNamespaces
	}
	incomplete := d.Incomplete()
	events := make([]metrics.CampaignEvent, len(c.Events))
	for i, ev := range c.Events {
		events[i] = metrics.CampaignEvent{Course: ev.Course.Slug, Event: ev.MetricsEvent(), Participants: MetricsParticipants(ev.Participants, incomplete), Facilitators: Facilitators(ev.Users)}
	}
	return metrics.ComputeCampaign(events, d.Accounts, d.Contributions, p)
}

// Facilitators returns the canonical names of the enrolments with a role
// other than editor.
func Facilitators(users []dashboard.User) []string {
	var out []string
	for _, u := range users {
		if u.Role == dashboard.RoleStudent {
			continue
		}
		if name, err := username.Canonical(u.Username); err == nil {
			out = append(out, name)
		}
	}
	return out
}

// WriteCampaignOutputs writes events.csv (each event's own rows),
// metrics.csv and participants.csv (the combined campaign: each person once,
// from their first event) and the data files into dir. It writes no
// monthly.csv: months are counted from an event's start, and the events'
// calendars differ (events.csv has each event's own rows). A monthly.csv
// left in dir by a version that wrote it empty is removed.
func WriteCampaignOutputs(dir string, d *Data, r *metrics.CampaignResult) ([]string, error) {
	paths, err := WriteFiles(dir, d, &metrics.Result{Rows: r.Combined, Participants: r.Participants}, false)
	if err != nil {
		return paths, err
	}
	if err := removeEmptyMonthly(filepath.Join(dir, dataset.MonthlyFile)); err != nil {
		return paths, err
	}
	p := filepath.Join(dir, dataset.EventsFile)
	if err := dataset.WriteFile(p, func(w io.Writer) error { return dataset.WriteEvents(w, r.Events) }); err != nil {
		return paths, err
	}
	return append(paths, p), nil
}

// removeEmptyMonthly removes the monthly.csv at path when it holds no more
// than its header, as earlier versions wrote it for a campaign; a file with
// rows, someone's, is left alone.
func removeEmptyMonthly(path string) error {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("checking %s: %w", path, err)
	}
	if bytes.Count(bytes.TrimRight(b, "\r\n"), []byte("\n")) > 0 {
		return nil
	}
	if err := os.Remove(path); err != nil {
		return fmt.Errorf("removing the empty %s: %w", path, err)
	}
	return nil
}
