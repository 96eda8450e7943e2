package engagement

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"example.com/engagement/engagement/dataset"
)

// ErrOtherRun is wrapped by Share and ShareAs when the folder holds the
// outputs of another kind of run: its run.json names a campaign where an
// event's outputs would go, or an event where a campaign's would. Nothing
// is written then.
var ErrOtherRun = errors.New("the folder holds another kind of run's outputs")

// checkOutDir refuses to write the outputs of course into dir when dir's
// run.json says it holds those of the other kind: an event's folder for a
// campaign, a campaign's for an event (their files differ, so the one
// would leave the other's report, wikitext and charts beside its own). A
// folder that does not exist, or has no run.json (written before runs
// recorded one), is written into; so is one of the same kind, whose files
// the new run replaces, removing those of them it does not write (the
// notebooks run event after event into one folder). A run.json that is
// not a regular file (a planted link) is no run's record: it is replaced
// like any planted link. A run.json that cannot be read is refused,
// naming it: nobody can tell what the folder holds. The error names the folder and its run, never a participant.
//
// The folder's run is returned (nil for none): the new run removes the
// files it lists and does not rewrite (dataset.ReplaceRun).
func checkOutDir(dir string, course dataset.RunCourse) (*dataset.Run, error) {
	if st, err := os.Lstat(filepath.Join(dir, dataset.RunFile)); err == nil && !st.Mode().IsRegular() {
		return nil, nil
	}
	run, err := dataset.ReadRun(dir)
	switch {
	case errors.Is(err, dataset.ErrNoRun) || errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("writing the outputs of %s %q into %s: cannot tell what the folder holds: %w; choose another folder or remove it", course.Kind, course.Slug, dir, err)
	case run.Course.Kind == course.Kind:
		return &run, nil
	}
	return nil, fmt.Errorf("writing the outputs of %s %q into %s: %w: its %s says %s %q (as of %s); choose another folder or remove its files first",
		course.Kind, course.Slug, dir, ErrOtherRun, dataset.RunFile, run.Course.Kind, run.Course.Slug, run.AsOf.UTC().Format("2006-01-02 15:04 MST"))
}
