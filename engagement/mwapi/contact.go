package mwapi

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// ContactRule is the one wording of the contact rule, for every message
// that asks for a contact.
const ContactRule = "live runs need your email address or user page URL, sent in the User-Agent Wikimedia requires (https://foundation.wikimedia.org/wiki/Policy:Wikimedia_Foundation_User-Agent_Policy)"

// ContactError reports a missing or unusable contact.
type ContactError struct {
	Contact string // as given; "" when there is none
	Reason  string // e.g. "not an email address or a URL"
}

func (e *ContactError) Error() string {
	if e.Contact == "" {
		return "no contact: " + ContactRule
	}
	return fmt.Sprintf("contact %q: %s; %s", e.Contact, e.Reason, ContactRule)
}

// CheckContact accepts an email address (someone@example.org) or an http
// or https URL (a user page); anything else is a *ContactError in the
// words of ContactRule. The User-Agent policy's own page is not a contact.
func CheckContact(contact string) error {
	c := strings.TrimSpace(contact)
	refuse := func(reason string) error { return &ContactError{Contact: contact, Reason: reason} }
	switch {
	case c == "":
		return &ContactError{}
	case strings.ContainsAny(c, "()\r\n\t"):
		return refuse("holds a parenthesis or a line break, which would break the User-Agent")
	case isEmail(c):
		return nil
	}
	u, err := url.Parse(c)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.ContainsRune(c, ' ') {
		return refuse("not an email address or a URL")
	}
	if strings.EqualFold(u.Host, "foundation.wikimedia.org") && strings.Contains(u.Path, "User-Agent_Policy") {
		return refuse("the User-Agent policy is not your contact")
	}
	return nil
}

func isEmail(s string) bool {
	at := strings.LastIndexByte(s, '@')
	return at > 0 && strings.Contains(s[at+1:], ".") && !strings.HasSuffix(s, ".") && !strings.ContainsAny(s, " /:")
}

// UserAgent returns the User-Agent Wikimedia's policy asks for,
// "<client> (<contact>)", e.g. UserAgent("engagement/1.4", "me@example.org")
// = "engagement/1.4 (me@example.org)", or the contact's *ContactError.
func UserAgent(client, contact string) (string, error) {
	if err := CheckContact(contact); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s (%s)", strings.TrimSpace(client), strings.TrimSpace(contact)), nil
}

// InProcess is implemented by an http.RoundTripper that answers without
// leaving the process, such as the embedded sample's in-memory API: a
// client whose HTTP client uses one sends nothing to Wikimedia, and needs
// no contact.
type InProcess interface {
	InProcess() bool
}

// needsContact reports whether requests of h can reach Wikimedia.
func needsContact(h *http.Client) bool {
	t, ok := h.Transport.(InProcess)
	return !ok || !t.InProcess()
}

// hasContact reports whether a User-Agent holds a contact: a
// ";"-separated part of its parenthesised comment (or, without one, a
// word) that CheckContact accepts.
func hasContact(ua string) bool {
	var parts []string
	if i := strings.IndexByte(ua, '('); i >= 0 {
		if j := strings.IndexByte(ua[i:], ')'); j > 0 {
			parts = strings.Split(ua[i+1:i+j], ";")
		}
	}
	if parts == nil {
		parts = strings.Fields(ua)
	}
	for _, p := range parts {
		if CheckContact(p) == nil {
			return true
		}
	}
	return false
}

// RequireContact is the one contact rule of a run: a request through h
// that can reach Wikimedia (not offline, and h's transport not InProcess;
// a nil h is http.DefaultClient, which can) needs a contact CheckContact
// accepts. It returns CheckContact's *ContactError, or nil.
func RequireContact(contact string, h *http.Client, offline bool) error {
	if offline || (h != nil && !needsContact(h)) {
		return nil
	}
	return CheckContact(contact)
}
