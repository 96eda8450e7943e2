package engagement_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/dashboard"
	"example.com/engagement/engagement/sample"
	"example.com/engagement/engagement/study"
)

// fakeDashboard serves a campaign as the Dashboard does, from the files of
// study/testdata/campaign, answering /campaigns/<slug>.json, its users.json and
// each course's course.json and users.json. Unknown campaigns give 500
// (campaign JSON) or 404 (member routes), as the Dashboard's code does.
type fakeDashboard struct {
	mu       sync.Mutex
	requests []string // path and query of every request, in order
	agents   []string
	// users replaces the campaign's users.json when set.
	users string
	// broken answers HTTP 500 for this course's course.json.
	broken string
}

func (f *fakeDashboard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.requests = append(f.requests, r.URL.RequestURI())
	f.agents = append(f.agents, r.UserAgent())
	f.mu.Unlock()
	dir := filepath.Join("study", "testdata", "campaign")
	p := r.URL.Path
	switch {
	case p == "/campaigns/sample_library_2021.json":
		http.ServeFile(w, r, filepath.Join(dir, "campaign.json"))
	case p == "/campaigns/sample_library_2021/users.json" && f.users != "":
		w.Write([]byte(f.users))
	case p == "/campaigns/sample_library_2021/users.json":
		http.ServeFile(w, r, filepath.Join(dir, "users.json"))
	case strings.HasPrefix(p, "/campaigns/") && strings.HasSuffix(p, "/users.json"):
		http.NotFound(w, r)
	case strings.HasPrefix(p, "/campaigns/"):
		http.Error(w, "We're sorry, but something went wrong.", http.StatusInternalServerError)
	case strings.HasPrefix(p, "/courses/"):
		slug := strings.TrimPrefix(filepath.Dir(p), "/courses/")
		if slug == f.broken {
			http.Error(w, "We're sorry, but something went wrong.", http.StatusInternalServerError)
			return
		}
		file := filepath.Join(dir, "courses", filepath.FromSlash(slug), filepath.Base(p))
		if _, err := os.Stat(file); err != nil {
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, file)
	default:
		http.NotFound(w, r)
	}
}

func (f *fakeDashboard) seen() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.requests...)
}

// toServer sends the Dashboard's requests to the test server and the API's
// to the sample's wikis.
type toServer struct {
	srv *url.URL
}

func (t toServer) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host != dashboard.OutreachHost {
		return sample.Transport().RoundTrip(req)
	}
	r := req.Clone(req.Context())
	r.URL.Scheme, r.URL.Host, r.Host = t.srv.Scheme, t.srv.Host, t.srv.Host
	return http.DefaultTransport.RoundTrip(r)
}

func serveCampaign(t *testing.T, f *fakeDashboard) engagement.Config {
	t.Helper()
	ts := httptest.NewServer(f)
	t.Cleanup(ts.Close)
	u, _ := url.Parse(ts.URL)
	return engagement.Config{Contact: "trainer@example.org", CacheDir: t.TempDir(), HTTPClient: &http.Client{Transport: toServer{u}}}
}

// A live campaign: its JSON, its users.json, then each course's course.json
// and users.json, nothing else (no articles, no /programs page); again from
// the cache with no request, and offline.
func TestLoadCampaignLive(t *testing.T) {
	ctx := context.Background()
	f := &fakeDashboard{}
	cfg := serveCampaign(t, f)
	c, err := study.LoadCampaign(ctx, cfg, "https://outreachdashboard.wmflabs.org/campaigns/sample_library_2021/programs?page=2")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"/campaigns/sample_library_2021.json",
		"/campaigns/sample_library_2021/users.json",
		"/courses/Sample_Library/Women_in_Science_Edit-a-thon_%28March_2021%29/course.json",
		"/courses/Sample_Library/Women_in_Science_Edit-a-thon_%28March_2021%29/users.json",
		"/courses/Sample_Library/Wikidata_Workshop_%28April_2021%29/course.json",
		"/courses/Sample_Library/Wikidata_Workshop_%28April_2021%29/users.json",
	}
	if got := f.seen(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("requests:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, ua := range f.agents {
		if !strings.Contains(ua, "trainer@example.org") {
			t.Errorf("User-Agent %q lacks the contact", ua)
		}
	}
	if len(c.Events) != 2 || c.Title != "Sample Library 2021" || c.URL != "https://outreachdashboard.wmflabs.org/campaigns/sample_library_2021" {
		t.Fatalf("campaign %q at %s with %d events", c.Title, c.URL, len(c.Events))
	}
	if sent, cached := c.DashboardRequests(); sent != 6 || cached != 0 {
		t.Errorf("first load: %d sent, %d cached; want 6, 0", sent, cached)
	}
	for _, offline := range []bool{false, true} {
		cfg.Offline = offline
		again, err := study.LoadCampaign(ctx, cfg, "sample_library_2021")
		if err != nil {
			t.Fatalf("offline %v: %v", offline, err)
		}
		if sent, cached := again.DashboardRequests(); sent != 0 || cached != 6 || len(again.Events) != 2 {
			t.Errorf("offline %v: %d sent, %d cached, %d events; want 0, 6, 2", offline, sent, cached, len(again.Events))
		}
	}
	if n := len(f.seen()); n != 6 {
		t.Errorf("the server saw %d requests after the reruns, want still 6", n)
	}
}

// The live campaign is analysed as the folder is.
func TestLiveCampaignEqualsFolder(t *testing.T) {
	ctx := context.Background()
	cfg := serveCampaign(t, &fakeDashboard{})
	live, err := study.LoadCampaign(ctx, cfg, "sample_library_2021")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := study.LoadCampaign(ctx, cfg, filepath.Join("study", "testdata", "campaign"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range live.Events {
		a, b := live.Events[i], dir.Events[i]
		if a.Course.Slug != b.Course.Slug || len(a.Participants) != len(b.Participants) || !a.Course.Start.Equal(b.Course.Start) {
			t.Errorf("event %d: live %s (%d participants), folder %s (%d)", i, a.Course.Slug, len(a.Participants), b.Course.Slug, len(b.Participants))
		}
	}
}

// Errors a trainer can act on, and no request when the settings are wrong.
func TestLoadCampaignErrors(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		name, src string
		users     string // the campaign's users.json, when not the folder's
		noContact bool
		want      []string
		setting   string
		requests  int
	}{
		{name: "unknown", src: "https://outreachdashboard.wmflabs.org/campaigns/no_such_campaign", want: []string{`"no_such_campaign"`, "HTTP 500", "unknown campaign", "check the slug"}, setting: engagement.SettingCampaign, requests: 1},
		{name: "no courses", src: "sample_library_2021", users: `{"campaign":"sample_library_2021","users":[]}`, want: []string{"no course with anybody enrolled", "users.json"}, setting: engagement.SettingCampaign, requests: 2},
		{name: "not a campaign", src: "https://outreachdashboard.wmflabs.org/courses/A/B", want: []string{"does not start with /campaigns/"}, setting: engagement.SettingCampaign},
		{name: "no contact", src: "sample_library_2021", noContact: true, want: []string{"contact"}, setting: engagement.SettingContact},
		{name: "every course fails", src: "sample_library_2021", users: `{"campaign":"sample_library_2021","users":[{"course":"Nowhere/Gone","role":"Editor","username":"A"}]}`,
			want: []string{"none of its 1 courses could be loaded", "course Nowhere/Gone", "not found"}, requests: 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeDashboard{users: tt.users}
			cfg := serveCampaign(t, f)
			if tt.noContact {
				cfg.Contact = ""
			}
			_, err := study.LoadCampaign(ctx, cfg, tt.src)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			var se *engagement.SettingError
			if got := ""; errors.As(err, &se) {
				got = se.Setting
				if got != tt.setting {
					t.Errorf("setting %q, want %q", got, tt.setting)
				}
			} else if tt.setting != "" {
				t.Errorf("not a setting error: %v", err)
			}
			if n := len(f.seen()); n != tt.requests {
				t.Errorf("%d requests (%v), want %d", n, f.seen(), tt.requests)
			}
		})
	}
}

// One course failing: the others are loaded, the failure is named, and
// nothing of the failed course is counted.
func TestCampaignCourseFails(t *testing.T) {
	ctx := context.Background()
	f := &fakeDashboard{broken: "Sample_Library/Wikidata_Workshop_(April_2021)"}
	c, err := study.LoadCampaign(ctx, serveCampaign(t, f), "sample_library_2021")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Events) != 1 || len(c.Failed) != 1 || c.Failed[0].Course != "Sample_Library/Wikidata_Workshop_(April_2021)" {
		t.Fatalf("%d events, failed %v", len(c.Events), c.Failed)
	}
	if msg := c.Failed[0].Error(); !strings.Contains(msg, "HTTP 500") || !strings.Contains(msg, "Wikidata_Workshop") {
		t.Errorf("failure %q does not say which course and why", msg)
	}
	// The failed course's users.json was not asked for.
	for _, r := range f.seen() {
		if strings.Contains(r, "Wikidata_Workshop") && strings.HasSuffix(r, "users.json") {
			t.Errorf("asked %s after its course.json failed", r)
		}
	}
}
