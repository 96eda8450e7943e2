package history

import (
	"context"

	"example.com/engagement/engagement"
)

// OpenSession opens an event (as engagement.Open: a course URL, slug or
// folder, and its options) whose contributions and accounts come from the
// history in dir (dumps or an export, see Load) of the given snapshot (""
// for the latest) instead of the API: they are written to data, a folder
// the session then re-reads as WithDataFrom does (and that can be
// re-analysed later without the history). The as-of is the session's.
func OpenSession(ctx context.Context, eng Engine, course, dir, snapshot, data string, opts ...engagement.Option) (*engagement.Session, *Loaded, error) {
	s, err := engagement.Open(ctx, course, opts...)
	if err != nil {
		return nil, nil, err
	}
	o := Options{Snapshot: snapshot, Wikis: s.Event().Course.Domains(), AsOf: s.AsOf()}
	for _, p := range s.Event().Participants {
		o.Participants = append(o.Participants, p.Username)
	}
	l, err := Load(ctx, eng, dir, o)
	if err != nil {
		return nil, nil, err
	}
	if err := l.WriteDir(data); err != nil {
		return nil, nil, err
	}
	s, err = engagement.Open(ctx, course, append(opts, engagement.WithDataFrom(data))...)
	return s, l, err
}
