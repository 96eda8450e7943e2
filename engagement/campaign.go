package engagement

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"example.com/engagement/engagement/dataset"
	"example.com/engagement/engagement/metrics"
)

// Campaign is a series of Dashboard events analysed together.
type Campaign struct {
	Slug, Title string
	Events      []*Event
}

// LoadCampaignDir reads a campaign folder laid out like the Dashboard's
// URLs: DIR/campaign.json, DIR/users.json (each enrolment with its course)
// and, for every course named there, DIR/courses/<School>/<Title>/course.json
// and users.json. Events are in the order users.json first names them.
func LoadCampaignDir(ctx context.Context, dir string) (*Campaign, error) {
	var head struct {
		Campaign struct {
			Slug  string `json:"slug"`
			Title string `json:"title"`
		} `json:"campaign"`
	}
	if err := readJSON(filepath.Join(dir, "campaign.json"), &head); err != nil {
		return nil, err
	}
	var users struct {
		Users []struct {
			Course string `json:"course"`
		} `json:"users"`
	}
	if err := readJSON(filepath.Join(dir, "users.json"), &users); err != nil {
		return nil, err
	}
	c := &Campaign{Slug: head.Campaign.Slug, Title: head.Campaign.Title}
	var courses []string
	for _, u := range users.Users {
		if u.Course != "" && !slices.Contains(courses, u.Course) {
			courses = append(courses, u.Course)
		}
	}
	if len(courses) == 0 {
		return nil, fmt.Errorf("campaign %s: %s names no course", dir, filepath.Join(dir, "users.json"))
	}
	for _, slug := range courses {
		ev, err := LoadEvent(ctx, Config{}, filepath.Join(dir, "courses", filepath.FromSlash(slug)))
		if err != nil {
			return nil, fmt.Errorf("campaign %s, course %s: %w", c.Slug, slug, err)
		}
		ev.Course.Slug = slug
		c.Events = append(c.Events, ev)
	}
	return c, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading the campaign: %w", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
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
	return Enrich(ctx, cfg, c.union(), nil)
}

// Analyze computes each event's own metrics and the combined campaign's
// (metrics.ComputeCampaign) with parameters p.
func (c *Campaign) Analyze(d *Data, p metrics.Params) (*metrics.CampaignResult, error) {
	if p.ContentNamespaces == nil && len(d.ContentNamespaces) > 0 {
		p.ContentNamespaces = d.ContentNamespaces
	}
	incomplete := d.Incomplete()
	events := make([]metrics.CampaignEvent, len(c.Events))
	for i, ev := range c.Events {
		ps := make([]metrics.Participant, len(ev.Participants))
		for j, pa := range ev.Participants {
			ps[j] = pa.Metrics()
			ps[j].Incomplete = incomplete[ps[j].Username]
		}
		events[i] = metrics.CampaignEvent{Course: ev.Course.Slug, Event: ev.MetricsEvent(), Participants: ps}
	}
	return metrics.ComputeCampaign(events, d.Accounts, d.Contributions, p)
}

// WriteCampaignOutputs writes events.csv (each event's own rows),
// metrics.csv and participants.csv (the combined campaign: each person once,
// from their first event; monthly.csv is left empty, the events' calendars
// differ) and the data files into dir.
func WriteCampaignOutputs(dir string, d *Data, r *metrics.CampaignResult) ([]string, error) {
	paths, err := WriteOutputs(dir, d, &metrics.Result{Rows: r.Combined, Participants: r.Participants})
	if err != nil {
		return paths, err
	}
	p := filepath.Join(dir, dataset.EventsFile)
	f, err := os.Create(p)
	if err != nil {
		return paths, err
	}
	if err := dataset.WriteEvents(f, r.Events); err != nil {
		f.Close()
		return paths, fmt.Errorf("writing %s: %w", p, err)
	}
	return append(paths, p), f.Close()
}
