package dashboard

import (
	"strings"
	"testing"
)

// A name written as a path on this computer is a folder that is not there,
// never a slug: "/tmp/x" read as the campaign "tmp" would ask the
// Dashboard for another campaign. The Dashboard's own paths stay slugs.
func TestAPathIsNotASlug(t *testing.T) {
	for _, s := range []string{"/tmp/nonexistent/dir", "./missing", "../events/x", "~/x", `C:\events\x`, `.\x`} {
		if _, err := ParseCampaign(s); err == nil || !strings.Contains(err.Error(), "no folder of that name was found") {
			t.Errorf("ParseCampaign(%q) = %v; want an error saying no folder was found", s, err)
		}
		if _, err := ParseCourse(s); err == nil || !strings.Contains(err.Error(), "no folder of that name was found") {
			t.Errorf("ParseCourse(%q) = %v; want an error saying no folder was found", s, err)
		}
	}
	if ref, err := ParseCampaign("/campaigns/wikigap_2019"); err != nil || ref.Slug != "wikigap_2019" {
		t.Errorf(`ParseCampaign("/campaigns/wikigap_2019") = %+v, %v; want the slug wikigap_2019`, ref, err)
	}
	if ref, err := ParseCourse("/courses/School/Title_(Term)"); err != nil || ref.Slug != "School/Title_(Term)" {
		t.Errorf(`ParseCourse("/courses/School/Title_(Term)") = %+v, %v; want the slug School/Title_(Term)`, ref, err)
	}
	if ref, err := ParseCampaign("wikigap_2019"); err != nil || ref.Slug != "wikigap_2019" {
		t.Errorf(`ParseCampaign("wikigap_2019") = %+v, %v`, ref, err)
	}
}
