package engagement_test

import (
	"context"
	"fmt"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/report"
)

// OpenCampaign holds a campaign for analysis: here the sample's two events
// (engagement.Sample; a Dashboard campaign URL or a folder work the same),
// set side by side with the retention of their new editors, and the people
// who came to both.
func ExampleOpenCampaign() {
	cs, err := engagement.OpenCampaign(context.Background(), engagement.Sample)
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := cs.Analysis()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range a.Compare() {
		r := e.Retention[0] // 7 days
		fmt.Printf("%s: %d participants, %d new; 7 days: %s %s\n", e.Title, e.Participants, e.NewEditors, report.FormatValue(r), report.FormatDetail(r))
	}
	for _, p := range a.ReturningPeople() {
		fmt.Printf("%s came to %d events\n", p.Username, len(p.Courses))
	}
	// Output:
	// Women in Science Edit-a-thon: 53 participants, 36 new; 7 days: 25.0 % 9 of 36, 95% CI 13.8 %–41.1 %
	// Wikidata Workshop: 4 participants, 0 new; 7 days: — no new editors
	// Ada Okafor came to 2 events
	// Grace Novak came to 2 events
	// Kiri Okafor came to 2 events
}
