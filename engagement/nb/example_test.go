package nb_test

import (
	"errors"
	"fmt"
	"math"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement/nb"
)

// ShowMetrics shows every row of a metric frame: counts as counts, shares
// as percentages. Outside a notebook it prints text.
func ExampleShowMetrics() {
	df := dataframe.New(
		series.New([]string{"participants", "bytes_added_during", "retention_7d"}, series.String, "metric"),
		series.New([]float64{36, 44595500, 0.25}, series.Float, "value"),
		series.New([]float64{math.NaN(), math.NaN(), 36}, series.Float, "denominator"),
		series.New([]bool{false, false, true}, series.Bool, "is_share"))
	if err := nb.ShowMetrics(df); err != nil {
		fmt.Println(err)
	}
	// Output:
	// measure                                  metric              value       denominator
	// Participants counted                     participants        36          —
	// Bytes added to content during the event  bytes_added_during  44,595,500  —
	// Edited again 7+ days after the end       retention_7d        25.0 %      36
}

type settingErr struct{ error }

func (settingErr) SettingName() string { return "Contact" }

// Message is what a failing cell shows: what went wrong and which ✏️
// variable to change.
func ExampleMessage() {
	fmt.Println(nb.Message(settingErr{errors.New("live runs need a contact")}))
	// Output:
	// live runs need a contact
	// ✏️ Change Contact in the cell marked ✏️, run it, then run this cell again.
}
