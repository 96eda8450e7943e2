package sample

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// pageviewsPrefix is the path of the Wikimedia pageviews REST API's
// per-article endpoint on wikimedia.org.
const pageviewsPrefix = "/api/rest_v1/metrics/pageviews/per-article/"

// created maps "project\x00Title_with_underscores" to the day a page of the
// sample was created, for the pageviews service.
type created struct {
	once  sync.Once
	pages map[string]time.Time
}

// of returns the sample's pages by creation, computed once per transport.
func (c *created) of(ev *Event) map[string]time.Time {
	c.once.Do(func() {
		c.pages = map[string]time.Time{}
		for wiki, revs := range ev.Revisions {
			project := strings.TrimSuffix(wiki, ".org")
			for _, r := range revs {
				if r.New {
					c.pages[project+"\x00"+strings.ReplaceAll(r.Title, " ", "_")] = r.Timestamp.UTC().Truncate(24 * time.Hour)
				}
			}
		}
	})
	return c.pages
}

// DailyViews is the sample's user views of a page on a day: a number
// between 1 and 40 from the title, decaying from its creation.
func DailyViews(title string, daysSinceCreation int) int {
	h := fnv.New32a()
	h.Write([]byte(title))
	base := 10 + int(h.Sum32()%31)
	return 1 + base*60/(60+daysSinceCreation)
}

// pageviews answers the per-article endpoint
// (…/per-article/{project}/all-access/user/{title}/daily/{start}/{end})
// like the REST API: daily items from the page's creation on, a 404 for a
// page the sample never created.
func (t transport) pageviews(req *http.Request) (*http.Response, error) {
	ev, err := loadWorld()
	if err != nil {
		return nil, err
	}
	parts := strings.Split(strings.TrimPrefix(req.URL.EscapedPath(), pageviewsPrefix), "/")
	if len(parts) != 7 || parts[1] != "all-access" || parts[2] != "user" || parts[4] != "daily" {
		return respond(req, 400, []byte(`{"title":"Bad Request","detail":"the sample answers .../{project}/all-access/user/{title}/daily/{start}/{end}"}`)), nil
	}
	title, err := url.PathUnescape(parts[3])
	if err != nil {
		return respond(req, 400, []byte(`{"title":"Bad Request","detail":"title not escaped"}`)), nil
	}
	start, err1 := time.Parse("20060102", parts[5])
	end, err2 := time.Parse("20060102", parts[6])
	if err1 != nil || err2 != nil || end.Before(start) {
		return respond(req, 400, []byte(`{"title":"Bad Request","detail":"start and end are YYYYMMDD, start first"}`)), nil
	}
	born, ok := t.created.of(ev)[parts[0]+"\x00"+title]
	if !ok {
		return respond(req, 404, []byte(`{"type":"https://mediawiki.org/wiki/HyperSwitch/errors/not_found","title":"Not found.","detail":"The date(s) you used are valid, but we either do not have data for those date(s), or the project you asked for is not loaded yet."}`)), nil
	}
	type item struct {
		Project     string `json:"project"`
		Article     string `json:"article"`
		Granularity string `json:"granularity"`
		Timestamp   string `json:"timestamp"`
		Access      string `json:"access"`
		Agent       string `json:"agent"`
		Views       int    `json:"views"`
	}
	items := []item{}
	first := start
	if born.After(first) {
		first = born
	}
	for d := first; !d.After(end); d = d.AddDate(0, 0, 1) {
		items = append(items, item{parts[0], title, "daily", d.Format("2006010200"), "all-access", "user", DailyViews(title, int(d.Sub(born).Hours()/24))})
	}
	b, err := json.Marshal(map[string]any{"items": items})
	if err != nil {
		return nil, fmt.Errorf("sample page views: %w", err)
	}
	return respond(req, 200, b), nil
}
