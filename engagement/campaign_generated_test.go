package engagement_test

import (
	"context"
	"testing"

	"example.com/engagement/engagement/sample"
	"example.com/engagement/engagement/study"
)

// A generated campaign folder loads as the Dashboard's would: three
// events sharing out the sample's 57 editor enrolments in turn (19 each),
// every seventh of them also in the next event (9 enrolments: 0, 7, …,
// 56), and the two facilitators and the staff member in every event.
func TestGeneratedCampaignLoads(t *testing.T) {
	ev, err := sample.Generate(sample.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := ev.WriteCampaign(dir, 3); err != nil {
		t.Fatal(err)
	}
	c, err := study.LoadCampaignDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Events) != 3 || len(c.Failed) != 0 {
		t.Fatalf("%d events, %d failed", len(c.Events), len(c.Failed))
	}
	total := 0
	for i, e := range c.Events {
		if want := "Sample_Library/Part_" + string(rune('1'+i)) + "_of_3"; e.Course.Slug != want {
			t.Errorf("event %d: slug %q, want %q", i, e.Course.Slug, want)
		}
		total += len(e.Users)
	}
	if want := sample.Composition.Enrolments - 3 + 9 + 3*3; total != want {
		t.Errorf("%d enrolments over the events, want %d (57 editors, 9 of them twice, 3 others in each)", total, want)
	}
}
