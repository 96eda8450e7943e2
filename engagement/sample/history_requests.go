package sample

import "example.com/engagement/engagement/metrics"

// APIRequests is what the API path asks one wiki for an event: the
// requests its client sends when nothing fails and nothing is cached.
type APIRequests struct {
	Wiki          string
	SiteInfo      int // meta=siteinfo, once
	Users         int // list=users, one per batch of 50 names
	Contribs      int // list=usercontribs pages
	Contributions int // the contributions they return
}

// Total is the wiki's requests.
func (r APIRequests) Total() int { return r.SiteInfo + r.Users + r.Contribs }

// CountAPIRequests counts the API path's requests for participants
// (names, in the order the client asks them) on wikis, from the client's
// batching (mwapi.Enrich): per wiki one siteinfo; the names 50 at a time
// in one list=users each; and for every batch with at least one account
// (hasAccount) one list=usercontribs request for the batch's accounts
// together, continued 500 revisions a page (at least one page, however
// few revisions). cs are the contributions the API returns.
func CountAPIRequests(wikis, names []string, hasAccount func(string) bool, cs []metrics.Contribution) []APIRequests {
	per := map[string]map[string]int{}
	for _, c := range cs {
		if per[c.Wiki] == nil {
			per[c.Wiki] = map[string]int{}
		}
		per[c.Wiki][c.Username]++
	}
	var out []APIRequests
	for _, w := range wikis {
		r := APIRequests{Wiki: w, SiteInfo: 1}
		for b := 0; b < len(names); b += 50 {
			r.Users++
			accounts, n := 0, 0
			for _, u := range names[b:min(b+50, len(names))] {
				if hasAccount(u) {
					accounts++
					n += per[w][u]
				}
			}
			if accounts > 0 {
				r.Contribs += max(1, (n+499)/500)
			}
			r.Contributions += n
		}
		out = append(out, r)
	}
	return out
}
