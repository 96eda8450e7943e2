package dashboard

import (
	"strings"
	"testing"
)

func TestParseCampaign(t *testing.T) {
	const outreach, wikiedu = "https://" + OutreachHost, "https://" + WikiEduHost
	for _, tt := range []struct{ in, base, slug string }{
		{"https://outreachdashboard.wmflabs.org/campaigns/wikigap_2019", outreach, "wikigap_2019"},
		{"https://outreachdashboard.wmflabs.org/campaigns/wikigap_2019/programs", outreach, "wikigap_2019"},
		{"https://outreachdashboard.wmflabs.org/campaigns/wikigap_2019/programs/", outreach, "wikigap_2019"},
		{"https://outreachdashboard.wmflabs.org/campaigns/wikigap_2019.json", outreach, "wikigap_2019"},
		{"https://outreachdashboard.wmflabs.org/campaigns/wikigap_2019/?tab=overview#x", outreach, "wikigap_2019"},
		{"https://dashboard.wikiedu.org/campaigns/spring_2024/programs?sort=title", wikiedu, "spring_2024"},
		{"  artfeminism_2020  ", outreach, "artfeminism_2020"},
		{"campaigns/artfeminism_2020/", outreach, "artfeminism_2020"},
		{"https://outreachdashboard.wmflabs.org/campaigns/wiki_lov%C3%A9s_2021", outreach, "wiki_lovés_2021"},
	} {
		ref, err := ParseCampaign(tt.in)
		if err != nil || ref.Base != tt.base || ref.Slug != tt.slug {
			t.Errorf("ParseCampaign(%q) = %+v, %v; want %s %s", tt.in, ref, err, tt.base, tt.slug)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"", "no campaign given"},
		{"https://example.org/campaigns/x", `host "example.org" is not a Dashboard`},
		{"https://outreachdashboard.wmflabs.org/courses/A/B", "does not start with /campaigns/"},
		{"https://outreachdashboard.wmflabs.org/campaigns/", "is not a campaign slug"},
		{"ftp://outreachdashboard.wmflabs.org/campaigns/x", `scheme "ftp"`},
	} {
		if _, err := ParseCampaign(tt.in); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseCampaign(%q): %v, want an error with %q", tt.in, err, tt.want)
		}
	}
	ref := CampaignRef{Base: outreach, Slug: "wikigap_2019"}
	if ref.JSONURL("") != outreach+"/campaigns/wikigap_2019.json" || ref.JSONURL("users") != outreach+"/campaigns/wikigap_2019/users.json" {
		t.Errorf("URLs %s %s", ref.JSONURL(""), ref.JSONURL("users"))
	}
}

func TestParseCampaignFiles(t *testing.T) {
	info, err := ParseCampaignJSON(strings.NewReader(`{"campaign":{"id":7,"title":"WikiGap 2019","slug":"wikigap_2019","courses_count":"1.2K","user_count":12,"start":"2019-03-01T00:00:00.000Z","end":null}}`), "campaign.json")
	if err != nil || info.ID != 7 || info.CoursesCount != "1.2K" || info.UserCount != "12" || info.Start.Format("2006-01-02") != "2019-03-01" || !info.End.IsZero() {
		t.Errorf("campaign %+v, %v", info, err)
	}
	es, err := ParseCampaignUsersJSON(strings.NewReader(`{"campaign":"x","users":[{"course":"A/B","role":"Editor","username":"Ann"},{"course":"A/C","role":"Facilitator","username":"Bo"},{"course":"A/B","role":"Editor","username":"Cy"}]}`), "users.json")
	if err != nil || strings.Join(CampaignCourses(es), ",") != "A/B,A/C" {
		t.Errorf("courses %v, %v", CampaignCourses(es), err)
	}
	for _, tt := range []struct{ body, want string }{
		{`{"campaign":"x","users":[{"course":"","role":"Editor","username":"Ann"}]}`, `users.json: enrolment 1 ("Ann" in "") lacks a "course"`},
		{`{"campaign":"x"}`, `users.json: no "users" list`},
		{`{"campaign":"x","users":[{"course":"A/B","username":3}]}`, `users.json: line 1`},
		{`<html>`, "HTML page"},
	} {
		if _, err := ParseCampaignUsersJSON(strings.NewReader(tt.body), "users.json"); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.body, err, tt.want)
		}
	}
	if _, err := ParseCampaignJSON(strings.NewReader(`{"campaign":{"title":"x"}}`), "campaign.json"); err == nil || !strings.Contains(err.Error(), `no "slug"`) {
		t.Errorf("campaign without slug: %v", err)
	}
}
