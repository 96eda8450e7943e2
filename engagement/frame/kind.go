package frame

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/go-gota/gota/dataframe"

	"example.com/engagement/engagement/dataset"
)

// The kinds of frame an analysis narrows by (Kind's answers).
const (
	KindContributions = "contributions"
	KindParticipants  = "participants"
)

// frameKind is a kind of frame an analysis narrows by: the columns a frame
// must hold to be one (its CSV file's header).
type frameKind struct {
	name, file string
	columns    []string
}

// analyzableFrames are the kinds of frame an analysis narrows by.
func analyzableFrames() []frameKind {
	return []frameKind{
		{KindContributions, dataset.ContributionsFile, dataset.ContributionsHeader},
		{KindParticipants, dataset.ParticipantsFile, dataset.ParticipantsHeader},
	}
}

// Kind recognises a frame by its columns: a contributions frame holds
// every column of contributions.csv, a participants frame every column of
// participants.csv (a frame read back from either file with gota is one).
// Any other frame is refused, naming the columns it lacks.
func Kind(df dataframe.DataFrame) (string, error) {
	names := df.Names()
	var lacks []string
	for _, k := range analyzableFrames() {
		var missing []string
		for _, c := range k.columns {
			if !slices.Contains(names, c) {
				missing = append(missing, c)
			}
		}
		if len(missing) == 0 {
			return k.name, nil
		}
		lacks = append(lacks, fmt.Sprintf("a %s frame (%s's columns) needs %s", k.name, k.file, strings.Join(missing, ", ")))
	}
	return "", fmt.Errorf("the frame to analyse is neither: %s; it has %s", strings.Join(lacks, "; "), strings.Join(names, ", "))
}

// Revision names one revision: its wiki and revision id.
type Revision struct {
	Wiki  string
	RevID int64
}

// Revisions returns the revisions of a contributions frame, in its order;
// a row without a revid is refused, naming it (counted from 1).
func Revisions(df dataframe.DataFrame) ([]Revision, error) {
	wiki, revs := strs(df, ColWiki), df.Col(ColRevID).Float()
	out := make([]Revision, len(wiki))
	for i := range wiki {
		if math.IsNaN(revs[i]) {
			return nil, fmt.Errorf("the contributions frame to analyse: row %d has no %s", i+1, ColRevID)
		}
		out[i] = Revision{wiki[i], int64(revs[i])}
	}
	return out, nil
}

// Usernames returns the username column of a frame, in its order (nil
// when it has none).
func Usernames(df dataframe.DataFrame) []string { return strs(df, ColUsername) }
