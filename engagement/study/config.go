package study

import (
	"fmt"
	"net/http"
	"strings"

	"example.com/engagement/engagement/mwapi"
	"example.com/engagement/engagement/sample"
)

// Version is the library's version, recorded in reports.
const Version = "0.1.0"

// Sample names the embedded sample event in LoadEvent.
const Sample = "sample"

// Config says how to reach Wikimedia. The zero value works for the sample.
type Config struct {
	// Contact (an email address or URL) goes into the User-Agent that
	// Wikimedia requires for live runs.
	Contact string
	// CacheDir keeps API responses so a rerun makes no requests ("" = no cache).
	CacheDir string
	// Offline serves only from the cache.
	Offline bool
	// Endpoints overrides api.php URLs by wiki domain.
	Endpoints map[string]string
	// HTTPClient replaces the default HTTP client.
	HTTPClient *http.Client
	// CentralAuth takes registrations from global accounts
	// (meta.wikimedia.org), as Event Metrics does. It costs one request per
	// participant, so it is off by default: registrations then come from the
	// course wikis, which agree for accounts created on them.
	CentralAuth bool
	// MaxContributions caps the contributions fetched per participant and
	// wiki; a participant above it is left out as "data incomplete: more
	// than N contributions on WIKI". 0 means mwapi.DefaultMaxContributions.
	MaxContributions int
}

// UserAgent returns the User-Agent sent to Wikimedia: the program and the
// contact, "engagement/0.1.0 (me@example.org) Go-mwapi/0.1.0". Without a
// contact it has none (mwapi refuses it for a live client: see
// mwapi.ContactRule); only the sample's in-process answers need none.
func (c Config) UserAgent() string {
	if strings.TrimSpace(c.Contact) == "" {
		return fmt.Sprintf("engagement/%s Go-mwapi/%s", Version, Version)
	}
	return fmt.Sprintf("engagement/%s (%s) Go-mwapi/%s", Version, strings.TrimSpace(c.Contact), Version)
}

// requireContact is the SettingError of a live run (not the sample's)
// whose contact mwapi's one contact rule refuses (mwapi.RequireContact:
// none, or not an email address or URL); nil when none is needed or the
// contact is usable.
func (c Config) RequireContact(sample bool) error {
	if sample {
		return nil
	}
	if err := mwapi.RequireContact(c.Contact, c.HTTPClient, c.Offline); err != nil {
		return &SettingError{Setting: SettingContact, Err: err}
	}
	return nil
}

// Client returns the mwapi client the configuration describes.
func (c Config) Client(isSample bool) (*mwapi.Client, error) {
	opts := []mwapi.Option{mwapi.WithUserAgent(c.UserAgent())}
	switch {
	case isSample:
		opts = append(opts, mwapi.WithHTTPClient(&http.Client{Transport: sample.Transport()}))
	case c.HTTPClient != nil:
		opts = append(opts, mwapi.WithHTTPClient(c.HTTPClient))
	}
	for d, u := range c.Endpoints {
		opts = append(opts, mwapi.WithEndpoint(d, u))
	}
	if c.CacheDir != "" {
		opts = append(opts, mwapi.WithCache(c.CacheDir))
	}
	if c.Offline {
		opts = append(opts, mwapi.WithOffline(true))
	}
	if c.MaxContributions != 0 {
		opts = append(opts, mwapi.WithMaxContributions(c.MaxContributions))
	}
	return mwapi.NewClient(opts...)
}
