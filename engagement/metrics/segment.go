package metrics

import "time"

// autoExclusion applies the exclusions that depend on the fetched data, in
// metrics.md's order: account not found (only when the lookup answered),
// bot, data incomplete.
func autoExclusion(found, bot bool, incomplete string) Exclusion {
	switch {
	case !found && incomplete != "":
		return ExcludeIncomplete // the lookup did not answer: not "not found"
	case !found:
		return ExcludeNotFound
	case bot:
		return ExcludeBot
	case incomplete != "":
		return ExcludeIncomplete
	}
	return NotExcluded
}

// segment deduplicates the participants (the first entry wins), applies the
// exclusions and places everyone else in new or experienced.
func (a *pass) segment(participants []Participant, accounts []Account) {
	acct := make(map[string]Account, len(accounts))
	for _, ac := range accounts {
		acct[ac.Username] = ac
	}
	lookback := int64(a.p.NewEditorLookback / time.Second)
	a.index = make(map[string]int32, len(participants))
	a.sums = make([]ParticipantSummary, 0, len(participants))
	a.regs = make([]int64, 0, len(participants))
	a.hasReg = make([]bool, 0, len(participants))
	for _, pa := range participants {
		if _, dup := a.index[pa.Username]; dup {
			continue
		}
		a.index[pa.Username] = int32(len(a.sums))
		s := ParticipantSummary{Username: pa.Username, Excluded: pa.Excluded}
		ac, found := acct[pa.Username]
		if s.Excluded == NotExcluded {
			s.Excluded = autoExclusion(found, ac.Bot, pa.Incomplete)
		}
		if s.Excluded == ExcludeIncomplete {
			s.Detail = pa.Incomplete
		}
		if found && !ac.Registration.IsZero() {
			s.Registration = ac.Registration.UTC()
		}
		reg := s.Registration.Unix()
		a.regs = append(a.regs, reg)
		a.hasReg = append(a.hasReg, !s.Registration.IsZero())
		switch {
		case s.Excluded != NotExcluded:
			s.Segment = SegmentExcluded
		case !s.Registration.IsZero() && reg >= a.start-lookback:
			s.Segment = SegmentNew
		default:
			s.Segment = SegmentExperienced
		}
		a.sums = append(a.sums, s)
	}
}

// segments returns the segments every row is given for.
func segments() [3]Segment { return [3]Segment{SegmentNew, SegmentExperienced, SegmentAll} }

// inSeg reports whether the participant counts in the segment: excluded
// participants count in none.
func inSeg(s *ParticipantSummary, seg Segment) bool {
	if s.Segment == SegmentExcluded {
		return false
	}
	return seg == SegmentAll || s.Segment == seg
}

// finishParticipants fills the per-participant columns of participants.csv
// from the pass's results.
func (a *pass) finishParticipants() {
	for i := range a.sums {
		s := &a.sums[i]
		if a.firstAfter[i] != 0 {
			s.FirstEditAfter = time.Unix(a.firstAfter[i], 0).UTC()
		}
		if a.hasEdit[i] {
			s.LastEdit = time.Unix(a.lastEdit[i], 0).UTC()
		}
		s.LongTerm = s.Segment != SegmentExcluded && a.p.LongTermEdits > 0 && s.EditsBefore >= a.p.LongTermEdits
		if !s.FirstEditAfter.IsZero() {
			s.HasReturned = true
			s.DaysToReturn = int((s.FirstEditAfter.Unix() - a.end) / day)
		}
	}
}
