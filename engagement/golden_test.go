package engagement_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"testing"

	"example.com/engagement/engagement"
	"example.com/engagement/engagement/dataset"
)

var update = flag.Bool("update", false, "rewrite testdata/sample_metrics.golden.csv")

// TestSampleMetricsGolden pins every metric of the sample event. Some of the
// numbers, from the sample's documented composition (engagement/sample):
//
//   - participants: new 36, experienced 17, all 53; excluded: facilitator 1
//     (Librarian Lucy, also enrolled as editor), account not found 1
//     (Vanished Nomad), bot 1 (CiteFixBot), invalid username 0;
//   - long_term, experienced: 3 (the three accounts with 600+ edits before
//     5 March 2021);
//   - retention_7d, new: 9 of 36 = 0.25 (the new editors with an edit on or
//     after 14 March 2021 23:59:59), Wilson interval 0.138–0.411;
//   - every active_m{k} (k = 1..24) is observable at the as-of date
//     (1 January 2025), so no "not yet observable" notes appear.
//
// go test ./engagement -update rewrites the file after a deliberate change;
// review the diff.
func TestSampleMetricsGolden(t *testing.T) {
	a, err := sampleAnalysis()
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := dataset.WriteMetrics(&got, a.Result.Rows); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/sample_metrics.golden.csv"
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./engagement -update)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("the sample's metrics changed; run go test ./engagement -update and review the diff")
	}
	for _, line := range []string{
		"participants,new,36,,,,,\n", "participants,experienced,17,,,,,\n", "excluded,bot,1,,,,,\n",
		"long_term,experienced,3,,,,,\n", "retention_7d,new,0.25,9,36,",
		// Content namespaces only (en 0; Wikidata 0, 120, 146; Commons 0,
		// 6), included participants, during the event: summed directly
		// from data/contributions.csv, 492,136 net and 502,063 added.
		"bytes_net_during,all,492136,,,,,\n", "bytes_added_during,all,502063,,,,,\n",
	} {
		if !bytes.Contains(want, []byte(line)) {
			t.Errorf("golden file lacks %q", line)
		}
	}
}

// sampleAnalysis opens the embedded sample with opts and analyses it with
// the session's parameters.
func sampleAnalysis(opts ...engagement.Option) (*engagement.Analysis, error) {
	s, err := engagement.Open(context.Background(), engagement.Sample, opts...)
	if err != nil {
		return nil, err
	}
	return s.Analysis()
}
