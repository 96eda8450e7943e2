package dashboard

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"example.com/engagement/engagement/username"
)

// Participant is an enrolled editor after preprocessing.
type Participant struct {
	// Username is the canonical MediaWiki username; for an invalid name, the
	// name as enrolled.
	Username string
	// Enrolled lists the names as the Dashboard had them (more than one when
	// duplicate enrolments were merged).
	Enrolled []string
	// Roles held in the course (always includes RoleStudent).
	Roles []Role
	// Excluded is why the participant is left out of aggregates, if at all;
	// Reason explains it in words.
	Excluded     Exclusion
	Reason       string
	GlobalID     int64
	EnrolledAt   time.Time
	RegisteredAt time.Time // as the Dashboard knows it; zero when unknown
}

// Exclusion is why preprocessing leaves a participant out of the numbers;
// the empty Exclusion means "included". Its values are those of the
// metrics package's Exclusion of the same name (metrics.md, "Exclusions"),
// so that one converts into the other: metrics.Exclusion(p.Excluded). The
// clients know no metric, so the type is declared here.
type Exclusion string

// The exclusions preprocessing decides; the others (account not found,
// bot, data incomplete) depend on fetched data and are the metrics'.
const (
	NotExcluded        Exclusion = ""
	ExcludeFacilitator Exclusion = "facilitator"
	ExcludeInvalid     Exclusion = "invalid username"
)

// Participants preprocesses users.json enrolments: role-0 users become
// participants with canonical usernames; the same person enrolled twice
// (after canonicalisation) is merged; a participant who also holds a role
// of 1 or more is excluded as a facilitator; an invalid name is excluded with
// MediaWiki's reason. Order follows first enrolment. Users read by
// ParseUsersJSON hold Dashboard roles only (0 to 4); any other role counts
// here as a role of 1 or more.
func Participants(users []User) []Participant {
	staff := map[string]Role{}
	for _, u := range users {
		if u.Role != RoleStudent {
			if name, err := username.Canonical(u.Username); err == nil {
				if _, ok := staff[name]; !ok {
					staff[name] = u.Role
				}
			}
		}
	}
	var out []Participant
	idx := map[string]int{}
	for _, u := range users {
		if u.Role != RoleStudent {
			continue
		}
		name, err := username.Canonical(u.Username)
		p := Participant{Username: name, Enrolled: []string{u.Username}, Roles: []Role{RoleStudent}, GlobalID: u.GlobalID, EnrolledAt: u.EnrolledAt, RegisteredAt: u.RegisteredAt}
		if err != nil {
			p.Username = u.Username
			p.Excluded = ExcludeInvalid
			var ie *username.InvalidError
			if errors.As(err, &ie) {
				p.Reason = ie.Reason
			}
		}
		if i, dup := idx[p.Username]; dup {
			q := &out[i]
			q.Enrolled = append(q.Enrolled, u.Username)
			if q.EnrolledAt.IsZero() || (!u.EnrolledAt.IsZero() && u.EnrolledAt.Before(q.EnrolledAt)) {
				q.EnrolledAt = u.EnrolledAt
			}
			continue
		}
		if r, ok := staff[p.Username]; ok && p.Excluded == NotExcluded {
			p.Excluded = ExcludeFacilitator
			p.Reason = "also enrolled as " + r.String()
			p.Roles = append(p.Roles, r)
		}
		idx[p.Username] = len(out)
		out = append(out, p)
	}
	return out
}

// StudentParticipants preprocesses the rows of a students CSV (all role 0).
func StudentParticipants(students []Student) []Participant {
	users := make([]User, len(students))
	for i, s := range students {
		users[i] = User{Username: s.Username, GlobalID: s.GlobalID, Role: RoleStudent, EnrolledAt: s.EnrollmentTimestamp, RegisteredAt: s.RegisteredAt}
	}
	return Participants(users)
}

// Duplicates returns the participants that were enrolled more than once.
func Duplicates(ps []Participant) []Participant {
	var out []Participant
	for _, p := range ps {
		if len(p.Enrolled) > 1 {
			out = append(out, p)
		}
	}
	return out
}

// RequireParticipants returns an error when a course has no participants.
func RequireParticipants(slug string, ps []Participant) error {
	if len(ps) == 0 {
		return fmt.Errorf("course %s has no participants (role 0 users): check the course's Editors tab", slug)
	}
	return nil
}

// HasRole reports whether the participant holds r.
func (p Participant) HasRole(r Role) bool { return slices.Contains(p.Roles, r) }
